package dev.quiver.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.search.print.OutputOptions.Mode;
import dev.quiver.search.walk.WalkOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One test per hostile input: no hang, no silent loss, the right exit status. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileInputTest {
    @TempDir
    Path dir;

    @Test
    void fifoInTheTreeIsSkippedWithoutBlocking() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "needle\n");
        Process mk = new ProcessBuilder("mkfifo", dir.resolve("pipe").toString()).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo available");
        SearchRun r = SearchRun.of("needle", dir).run();
        assertThat(r.lines()).containsExactly(dir.resolve("a.txt") + ":1:needle");
        assertThat(r.errors).isEmpty();
    }

    @Test
    void symlinkLoopIsNotFollowedByDefaultAndReportedWithFollow() throws Exception {
        Files.createDirectories(dir.resolve("d/e"));
        Files.writeString(dir.resolve("d/e/a.txt"), "needle\n");
        Files.createSymbolicLink(dir.resolve("d/e/loop"), dir.resolve("d"));
        SearchRun plain = SearchRun.of("needle", dir).run();
        assertThat(plain.lines()).containsExactly(dir.resolve("d/e/a.txt") + ":1:needle");
        assertThat(plain.errors).isEmpty();
        SearchRun follow = SearchRun.of("needle", dir);
        follow.walk = WalkOptions.builder().follow(true);
        follow.run();
        assertThat(follow.lines()).containsExactly(dir.resolve("d/e/a.txt") + ":1:needle");
        assertThat(follow.errors).singleElement().asString().contains("loop");
        assertThat(follow.result.errors()).isTrue();
    }

    @Test
    void unreadableFileIsReportedAndTheRestIsSearched() throws Exception {
        Files.writeString(dir.resolve("ok.txt"), "needle\n");
        Path bad = dir.resolve("secret.txt");
        boolean root = "root".equals(System.getProperty("user.name"));
        SearchRun r = SearchRun.of("needle", dir);
        if (root) {
            // root reads any file: use a file that fails on read instead
            Files.createSymbolicLink(bad, Path.of("/proc/self/mem"));
            r.walk = WalkOptions.builder().follow(true);
        } else {
            Files.writeString(bad, "needle\n");
            Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("---------"));
        }
        r.run();
        assertThat(r.lines()).containsExactly(dir.resolve("ok.txt") + ":1:needle");
        assertThat(r.errors).singleElement().asString().startsWith(bad.toString() + ": ");
        assertThat(r.result.errors()).isTrue();
        assertThat(r.result.matched()).isTrue();
    }

    @Test
    void missingPathIsAnError() throws Exception {
        SearchRun r = SearchRun.of("x", dir.resolve("nope")).run();
        assertThat(r.errors).containsExactly(dir.resolve("nope") + ": No such file or directory");
        assertThat(r.result.errors()).isTrue();
    }

    @Test
    void binaryFileMatchIsReportedWhenNamedSkippedWhenWalkedAndSearchedWithText() throws Exception {
        Path bin = dir.resolve("b.bin");
        Files.write(bin, new byte[] {'n', 'e', 'e', 'd', 'l', 'e', 0, 1, 2, '\n'});
        Files.write(dir.resolve("nomatch.bin"), new byte[] {'x', 0, 'y'});
        SearchRun named = SearchRun.of("needle", bin).run();
        assertThat(named.lines()).containsExactly(bin + ": binary file matches (found \"\\0\" byte around offset 6)");
        assertThat(named.result.matched()).isTrue();
        SearchRun text = SearchRun.of("needle", bin);
        text.config.searchBinary(true);
        assertThat(text.run().out).startsWith((bin + ":1:needle").getBytes(StandardCharsets.UTF_8));
        // found while walking, with the NUL in its first 64 KiB: skipped, as rg does
        SearchRun walked = SearchRun.of("needle", dir).run();
        assertThat(walked.lines()).isEmpty();
        assertThat(walked.result.matched()).isFalse();
        SearchRun listed = SearchRun.of("needle", dir);
        listed.output.mode(Mode.FILES_WITH_MATCHES);
        listed.config.searchBinary(true);
        assertThat(listed.run().lines()).containsExactly(bin.toString());
    }

    @Test
    void hundredThousandFilesInOneFolder() throws Exception {
        Path big = Files.createDirectory(dir.resolve("big"));
        byte[] content = "nothing here\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 100_000; i++) {
            Files.write(big.resolve("f" + i + ".txt"), content);
        }
        Files.writeString(big.resolve("f50000.txt"), "the needle\n");
        SearchRun r = SearchRun.of("needle", dir);
        r.config.stats(true);
        r.run();
        assertThat(r.lines().get(0)).isEqualTo(big.resolve("f50000.txt") + ":1:the needle");
        assertThat(r.result.stats().filesSearched()).isEqualTo(100_000);
        assertThat(r.result.stats().filesMatched()).isEqualTo(1);
    }

    @Test
    void twoGigabyteFileIsSearchedInChunks() throws Exception {
        Path huge = dir.resolve("huge.log");
        byte[] block = ("INFO filler line that does not match anything at all ........................\n")
                .repeat(13_000).getBytes(StandardCharsets.US_ASCII);
        long lines = 0;
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            long target = 2L * 1024 * 1024 * 1024 + 12345;
            long written = 0;
            f.write("first needle\n".getBytes(StandardCharsets.US_ASCII));
            lines++;
            written += 13;
            while (written + block.length < target) {
                f.write(block);
                written += block.length;
                lines += 13_000;
            }
            f.write("last needle\n".getBytes(StandardCharsets.US_ASCII));
            lines++;
        }
        SearchRun r = SearchRun.of("needle", huge);
        r.config.stats(true);
        r.run();
        assertThat(r.lines()).startsWith(huge + ":1:first needle", huge + ":" + lines + ":last needle");
        assertThat(r.result.stats().lines()).isEqualTo(lines);
        assertThat(r.result.stats().bytes()).isEqualTo(Files.size(huge));
        Files.delete(huge);
    }

    @Test
    void lineLongerThanTheChunkIsFound() throws Exception {
        Path p = dir.resolve("long.txt");
        try (OutputStream o = Files.newOutputStream(p)) {
            o.write("x\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "y".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) {
                o.write(chunk);
            }
            o.write("needle\nz\n".getBytes(StandardCharsets.US_ASCII));
        }
        SearchRun r = SearchRun.of("needle", p);
        r.output.mode(Mode.COUNT);
        r.output.withFilename(Boolean.FALSE);
        assertThat(r.run().lines()).containsExactly("1");
        SearchRun n = SearchRun.of("^z$", p);
        n.output.withFilename(Boolean.FALSE);
        assertThat(n.run().lines()).containsExactly("3:z");
    }

    @Test
    void crlfFilesMatchAndKeepTheirCarriageReturns() throws Exception {
        Path p = dir.resolve("crlf.txt");
        Files.writeString(p, "one\r\ntwo needle\r\nthree\r\n");
        SearchRun r = SearchRun.of("needle", p);
        r.output.withFilename(Boolean.FALSE);
        assertThat(r.run().output()).isEqualTo("2:two needle\r\n");
    }

    @Test
    void utf16FilesWithBomAreTranscoded() throws Exception {
        Path le = dir.resolve("le.txt");
        byte[] body = "first\nsecond naïve needle\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(le, withBom);
        Path be = dir.resolve("be.txt");
        Files.write(be, "\uFEFFneedle in big endian\n".getBytes(StandardCharsets.UTF_16BE));
        SearchRun r = SearchRun.of("needle", dir).run();
        assertThat(r.sortedLines()).containsExactly(be + ":1:needle in big endian", le + ":2:second naïve needle");
    }

    @Test
    void utf8BomIsNotPartOfTheFirstLine() throws Exception {
        Path p = dir.resolve("bom.txt");
        Files.write(p, "\uFEFFneedle\n".getBytes(StandardCharsets.UTF_8));
        SearchRun r = SearchRun.of("^needle$", p);
        r.output.withFilename(Boolean.FALSE);
        assertThat(r.run().lines()).containsExactly("1:needle");
    }

    @Test
    void emptyFileAndFileWithoutFinalNewline() throws Exception {
        Files.writeString(dir.resolve("empty.txt"), "");
        Files.writeString(dir.resolve("last.txt"), "a\nneedle");
        SearchRun r = SearchRun.of("needle$", dir).run();
        assertThat(r.lines()).containsExactly(dir.resolve("last.txt") + ":2:needle");
    }

    @Test
    void closedPipeEndsTheSearchQuietly() throws Exception {
        for (int i = 0; i < 300; i++) {
            Files.writeString(dir.resolve("f" + i + ".txt"), "needle\n".repeat(100));
        }
        int[] writes = {0};
        OutputStream closing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (++writes[0] > 1) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        ListReporter rep = new ListReporter();
        SearchRun cfg = SearchRun.of("needle", dir);
        cfg.config.threads(2);
        SearchResult result = new Search(cfg.config(), rep, false).run(closing, false);
        assertThat(rep.errors()).isEmpty();
        assertThat(rep.notes()).isEmpty();
        assertThat(result.matched()).isTrue();
        assertThat(result.stats().filesSearched()).as("stopped early").isLessThan(300);
    }
}
