package dev.quiver.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.search.replace.Edit;
import dev.quiver.search.replace.Rewriter;
import dev.quiver.search.walk.WalkOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaceTest {
    @TempDir
    Path dir;

    @BeforeEach
    void tree() throws IOException {
        Files.createDirectories(dir.resolve("src/sub"));
        Files.writeString(dir.resolve("src/A.java"), "class A { int oldName = 1; }\nuse(oldName);\n");
        Files.writeString(dir.resolve("src/crlf.txt"), "keep\r\noldName here\r\nmore\r\n");
        Files.write(dir.resolve("src/cr.txt"), "a\rnothing\r".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve("src/sub/none.txt"), "nothing to see\n");
        Files.writeString(dir.resolve("src/sub/last.txt"), "no newline oldName");
        byte[] body = "x oldName y\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] le = new byte[body.length + 2];
        le[0] = (byte) 0xFF;
        le[1] = (byte) 0xFE;
        System.arraycopy(body, 0, le, 2, body.length);
        Files.write(dir.resolve("src/utf16.txt"), le);
        Files.write(dir.resolve("src/bom8.txt"), "\uFEFFoldName\n".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(dir.resolve("src/A.java"), PosixFilePermissions.fromString("rwxr-x---"));
    }

    private Map<String, String> snapshot() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(d) + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    private SearchRun replace(String pattern, String replacement) {
        SearchRun r = SearchRun.of(pattern, dir);
        r.config.replacement(replacement);
        return r;
    }

    @Test
    void previewShowsReplacedLinesAndWritesNothing() throws Exception {
        Map<String, String> before = snapshot();
        SearchRun r = replace("old(Name)", "new$1").run();
        assertThat(r.lines()).contains(dir.resolve("src/A.java") + ":1:class A { int newName = 1; }");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void writeRewritesOnlyMatchingFilesAndKeepsEverythingElseByteForByte() throws Exception {
        for (Path p : List.of(dir.resolve("src/cr.txt"), dir.resolve("src/sub/none.txt"))) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000_000_000L));
        }
        Map<String, String> before = snapshot();
        SearchRun r = replace("oldName", "newName");
        r.config.write(true);
        r.run();
        assertThat(r.errors).isEmpty();
        assertThat(r.result.filesChanged()).isEqualTo(5);
        assertThat(r.result.replacements()).isEqualTo(6);
        Map<String, String> after = snapshot();
        assertThat(after.get("src/cr.txt")).isEqualTo(before.get("src/cr.txt"));
        assertThat(after.get("src/sub/none.txt")).isEqualTo(before.get("src/sub/none.txt"));
        assertThat(after.keySet()).isEqualTo(before.keySet()).as("no temporary file left behind");
        assertThat(Files.readString(dir.resolve("src/A.java"))).isEqualTo("class A { int newName = 1; }\nuse(newName);\n");
        assertThat(Files.readString(dir.resolve("src/crlf.txt"))).isEqualTo("keep\r\nnewName here\r\nmore\r\n");
        assertThat(Files.readString(dir.resolve("src/sub/last.txt"))).isEqualTo("no newline newName");
        byte[] utf16 = Files.readAllBytes(dir.resolve("src/utf16.txt"));
        assertThat(utf16[0]).isEqualTo((byte) 0xFF);
        assertThat(new String(utf16, 2, utf16.length - 2, StandardCharsets.UTF_16LE)).isEqualTo("x newName y\n");
        assertThat(Files.readAllBytes(dir.resolve("src/bom8.txt"))).isEqualTo("\uFEFFnewName\n".getBytes(StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("src/A.java")))).isEqualTo("rwxr-x---");
    }

    @Test
    void trailingWhitespaceReplacementKeepsCrlf() throws Exception {
        Path p = dir.resolve("src/crlf.txt");
        Files.writeString(p, "a  \r\nb\r\n");
        SearchRun r = SearchRun.of("\\s+$", p);
        r.config.replacement("");
        r.config.write(true);
        r.run();
        assertThat(Files.readString(p)).isEqualTo("a\r\nb\r\n");
    }

    @Test
    void dryRunPrintsAUnifiedDiffAndChangesNothing() throws Exception {
        Map<String, String> before = snapshot();
        SearchRun r = SearchRun.of("oldName", dir.resolve("src/A.java"));
        r.config.replacement("newName");
        r.config.dryRun(true);
        r.run();
        assertThat(r.output()).isEqualTo("--- " + dir.resolve("src/A.java") + "\n+++ " + dir.resolve("src/A.java") + "\n"
                + "@@ -1,2 +1,2 @@\n-class A { int oldName = 1; }\n-use(oldName);\n+class A { int newName = 1; }\n+use(newName);\n");
        assertThat(r.result.replacements()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aFileReachedTwiceThroughASymlinkIsWrittenOnce() throws Exception {
        Path target = dir.resolve("src/sub/t.txt");
        Files.writeString(target, "foo\n");
        Files.createSymbolicLink(dir.resolve("src/link.txt"), target);
        SearchRun r = SearchRun.of("foo", dir.resolve("src"));
        r.walk = WalkOptions.builder().follow(true);
        r.config.replacement("foo2");
        r.config.write(true);
        r.config.threads(1);
        r.run();
        assertThat(Files.readString(target)).isEqualTo("foo2\n");
        assertThat(Files.isSymbolicLink(dir.resolve("src/link.txt"))).isTrue();
        assertThat(r.notes).anyMatch(n -> n.contains("already handled"));
    }

    @Test
    void fileChangedSinceItWasSearchedIsNotWritten() throws Exception {
        Path p = dir.resolve("src/A.java");
        Rewriter.Snapshot before = Rewriter.Snapshot.of(p);
        Files.writeString(p, "changed by someone else, oldName\n");
        assertThatThrownBy(() -> Rewriter.read(p, before)).isInstanceOf(Rewriter.ChangedException.class)
                .hasMessageContaining("changed");
        Rewriter.Snapshot now = Rewriter.Snapshot.of(p);
        Files.setLastModifiedTime(p, FileTime.fromMillis(12345));
        assertThatThrownBy(() -> Rewriter.write(p, "x".getBytes(StandardCharsets.US_ASCII), now))
                .isInstanceOf(Rewriter.ChangedException.class);
        assertThat(Files.readString(p)).isEqualTo("changed by someone else, oldName\n");
        try (Stream<Path> s = Files.list(dir.resolve("src"))) {
            assertThat(s.map(Path::toString)).noneMatch(n -> n.endsWith(".quiver-tmp"));
        }
    }

    @Test
    void binaryFilesAreNotRewritten() throws Exception {
        Path b = dir.resolve("src/b.bin");
        byte[] content = {'o', 'l', 'd', 'N', 'a', 'm', 'e', 0, '\n'};
        Files.write(b, content);
        SearchRun r = SearchRun.of("oldName", b);
        r.config.replacement("x");
        r.config.write(true);
        r.run();
        assertThat(Files.readAllBytes(b)).isEqualTo(content);
        assertThat(r.notes).anyMatch(n -> n.contains("binary"));
    }

    @Test
    void replacementGroupsFollowRipgrepSyntax() throws Exception {
        Path p = dir.resolve("g.txt");
        Files.writeString(p, "key=value\n");
        SearchRun r = SearchRun.of("(?<k>\\w+)=(\\w+)", p);
        r.config.replacement("${2}:$k $$ $9");
        r.output.withFilename(Boolean.FALSE);
        assertThat(r.run().lines()).containsExactly("1:value:key $ ");
    }

    @Test
    void spliceAppliesEditsInOrder() {
        byte[] text = "aXbXc".getBytes(StandardCharsets.US_ASCII);
        byte[] out = Rewriter.apply(text, "utf-8", List.of(new Edit(1, 2, new byte[] {'1'}), new Edit(3, 4, new byte[] {'2', '2'})));
        assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo("a1b22c");
    }
}
