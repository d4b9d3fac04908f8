package dev.quiver.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmaliFileSourceTest {
    @TempDir
    Path tmp;

    private MethodLocation at(Path input, String source, int first, int last) {
        return new MethodLocation(input, "smali", source, "Lcom/a/B;", "run", "()V", first, last);
    }

    @Test
    void readsTheMethodsLinesCountedAsTheParserCounts() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("app/com/a"));
        Files.writeString(tree.resolve("B.smali"), ".class public Lcom/a/B;\r\n.super Ljava/lang/Object;\r\n\r\n"
                + ".method public run()V\r\n    .registers 1\r\n    return-void\r\n.end method\r\n");
        MethodCode c = new SmaliFileSource().code(at(tmp.resolve("app"), "com/a/B.smali", 4, 7));
        assertThat(c.origin()).isEqualTo(MethodCode.FILE);
        assertThat(c.firstLine()).isEqualTo(4);
        assertThat(c.lines()).containsExactly(".method public run()V", "    .registers 1", "    return-void", ".end method");
        assertThat(c.note()).isNull();
    }

    @Test
    void aChangedFileSaysSoInsteadOfShowingOtherCode() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("app"));
        Files.writeString(tree.resolve("B.smali"), ".class public Lcom/a/B;\n.method public other()V\n.end method\n");
        MethodCode c = new SmaliFileSource().code(at(tree, "B.smali", 2, 3));
        assertThat(c.available()).isFalse();
        assertThat(c.note()).contains("changed since it was parsed");
    }

    @Test
    void pathsLeavingTheInputAreNeverOpened() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("app"));
        Files.writeString(tmp.resolve("secret.smali"), ".method public run()V\n.end method\n");
        for (String evil : new String[] {"../secret.smali", "a/../../secret.smali", tmp.resolve("secret.smali").toString(),
            "", ".."}) {
            MethodCode c = new SmaliFileSource().code(at(tree, evil, 1, 2));
            assertThat(c.available()).as(evil).isFalse();
        }
        assertThat(SmaliFileSource.file(tree, "../secret.smali")).isNull();
        assertThat(SmaliFileSource.file(tree, "com/./a/B.smali")).isEqualTo(tree.resolve("com/a/B.smali"));
    }

    @Test
    void aSingleFileInputIsItsOwnSource() throws Exception {
        Path f = Files.writeString(tmp.resolve("B.smali"), ".class Lcom/a/B;\n.method public run()V\n.end method\n");
        assertThat(new SmaliFileSource().code(at(f, "B.smali", 2, 3)).lines()).hasSize(2);
        assertThat(SmaliFileSource.file(f, "other.smali")).isNull();
    }

    @Test
    void aMissingInputSaysItMoved() {
        MethodCode c = new SmaliFileSource().code(at(tmp.resolve("gone"), "B.smali", 1, 2));
        assertThat(c.note()).contains("not there any more");
    }
}
