package dev.quiver.dex;

import static dev.quiver.core.TestTrees.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.TestTrees;
import dev.quiver.core.pipeline.InputFormats;
import dev.quiver.core.pipeline.SampleFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a directory given to parse becomes inputs (needs the DEX and APK formats, hence here). */
class SampleFolderTest {
    @TempDir
    Path tmp;

    private final InputFormats formats = new InputFormats(".smali");

    private SampleFolder.Expansion expand(Path dir) {
        return SampleFolder.expand(dir, formats, ".smali");
    }

    private List<String> rel(SampleFolder.Expansion x) {
        return x.inputs().stream().map(p -> tmp.relativize(p).toString()).toList();
    }

    @Test
    void aDirectoryWithoutSamplesIsOneSmaliTreeAsBefore() throws Exception {
        write(tmp, "tree/com/a/B.smali", TestTrees.classSource("Lcom/a/B;", "b"));
        write(tmp, "tree/org/c/D.smali", TestTrees.classSource("Lorg/c/D;", "d"));
        write(tmp, "tree/README", "not code");
        SampleFolder.Expansion x = expand(tmp.resolve("tree"));
        assertThat(rel(x)).containsExactly("tree");
        assertThat(x.notAndroid()).isZero();
    }

    @Test
    void anEmptyDirectoryStaysOneInputSoItsProblemIsReported() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        assertThat(rel(expand(tmp.resolve("empty")))).containsExactly("empty");
    }

    @Test
    void samplesTreesAndOtherFilesAreToldApart() throws Exception {
        Path s = tmp.resolve("samples");
        write(s, "a-smali/com/a/B.smali", TestTrees.classSource("Lcom/a/B;", "b"));
        write(s, "apktool-app/AndroidManifest.xml", "<manifest package=\"x\"/>");
        write(s, "apktool-app/smali/com/x/Y.smali", TestTrees.classSource("Lcom/x/Y;", "y"));
        write(s, "apktool-app/smali_classes2/com/x/Z.smali", TestTrees.classSource("Lcom/x/Z;", "z"));
        write(s, "apktool-app/assets/inner.txt", "part of the tree");
        Files.createDirectories(s.resolve("deep/er"));
        Files.write(s.resolve("deep/er/0a1b2c"), dex());
        write(s, "docs/notes.txt", "text");
        write(s, "loose.smali", TestTrees.classSource("LLoose;", "l"));
        write(s, "picture.png", "\u0089PNG");
        Files.write(s.resolve("z.dex"), new byte[] {1, 2, 3}); // named .dex but not one: not a sample

        SampleFolder.Expansion x = expand(s);

        assertThat(rel(x)).containsExactly("samples/a-smali", "samples/apktool-app", "samples/deep/er/0a1b2c",
                "samples/loose.smali");
        assertThat(x.notAndroid()).isEqualTo(3);
    }

    @Test
    void anApktoolTreeGivenDirectlyIsOneInput() throws Exception {
        write(tmp, "app/apktool.yml", "version: 2.7.0\n");
        write(tmp, "app/smali/com/a/B.smali", TestTrees.classSource("Lcom/a/B;", "b"));
        assertThat(rel(expand(tmp.resolve("app")))).containsExactly("app");
    }

    /** A file that starts like a DEX: formats recognise samples by content, whatever the name. */
    private static byte[] dex() {
        byte[] b = new byte[0x70];
        System.arraycopy("dex\n035\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, b, 0, 8);
        return b;
    }
}
