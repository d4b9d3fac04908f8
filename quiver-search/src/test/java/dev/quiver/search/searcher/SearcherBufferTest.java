package dev.quiver.search.searcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.search.match.LineMatcher;
import dev.quiver.search.match.MatchOptions;
import dev.quiver.search.match.Spans;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reused buffer: chunk boundaries, a buffer reused for a smaller file, and sizes that changed since the walk. */
class SearcherBufferTest {
    @TempDir
    Path dir;

    /** Collects "line:text" for matches and "line-text" for context lines. */
    private static final class Lines implements Sink {
        final List<String> lines = new ArrayList<>();

        @Override
        public void match(byte[] buf, long base, int ls, int le, long lineNumber, Spans spans) {
            lines.add(lineNumber + ":" + new String(buf, ls, le - ls, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void context(byte[] buf, long base, int ls, int le, long lineNumber) {
            lines.add(lineNumber + "-" + new String(buf, ls, le - ls, StandardCharsets.ISO_8859_1));
        }
    }

    private static Searcher searcher(String pattern, boolean fixed, int before) {
        LineMatcher m = LineMatcher.compile(MatchOptions.builder().pattern(pattern).fixedStrings(fixed).build());
        return new Searcher(m, Searcher.Options.builder().before(before).countAllLines(true).build());
    }

    private static List<String> search(Searcher s, Path p, long sizeHint) throws Exception {
        Lines sink = new Lines();
        s.search(new FileEntry(p, p.toString(), false, sizeHint), sink);
        return sink.lines;
    }

    @Test
    void matchStraddlingTheChunkBoundaryIsFoundWithItsContext() throws Exception {
        Path p = dir.resolve("big.txt");
        String needle = "Landroid/content/Intent;->getStringExtra";
        int lineLen = 100;
        String filler = "a".repeat(lineLen - 1) + "\n";
        int fillerLines = LineBuffer.CHUNK / lineLen - 1; // the needle's line crosses offset CHUNK
        try (OutputStream o = Files.newOutputStream(p)) {
            byte[] f = filler.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < fillerLines; i++) {
                o.write(f);
            }
            int pad = LineBuffer.CHUNK - fillerLines * lineLen - needle.length() / 2;
            o.write(("b".repeat(pad) + needle + " end\n").getBytes(StandardCharsets.US_ASCII));
            o.write("tail\n".getBytes(StandardCharsets.US_ASCII));
        }
        long size = Files.size(p);
        assertThat(size).isGreaterThan(LineBuffer.CHUNK);
        for (boolean fixed : new boolean[] {true, false}) {
            List<String> got = search(searcher(needle, fixed, 1), p, size);
            assertThat(got).hasSize(2);
            assertThat(got.get(0)).isEqualTo(fillerLines + "-" + filler.strip());
            assertThat(got.get(1)).startsWith((fillerLines + 1) + ":b").endsWith(needle + " end");
        }
    }

    @Test
    void bufferReusedForASmallerFileSeesOnlyThatFile() throws Exception {
        Path big = dir.resolve("big.txt");
        Files.writeString(big, "x\n".repeat(5000) + "needle one\n");
        Path small = dir.resolve("small.txt");
        Files.writeString(small, "nee\n"); // the big file's bytes after it must not complete a match
        Searcher s = searcher("needle", true, 0);
        assertThat(search(s, big, Files.size(big))).containsExactly("5001:needle one");
        assertThat(search(s, small, Files.size(small))).isEmpty();
        Files.writeString(small, "needle");
        assertThat(search(s, small, Files.size(small))).containsExactly("1:needle");
    }

    @Test
    void fileThatShrankOrGrewSinceTheWalkIsSearchedWithoutError() throws Exception {
        Path p = dir.resolve("f.txt");
        Files.writeString(p, "one needle\ntwo\nthree needle\n");
        long real = Files.size(p);
        // the walk saw it larger (it shrank): everything that is there is searched
        assertThat(search(searcher("needle", true, 0), p, real + 1000)).containsExactly("1:one needle", "3:three needle");
        // the walk saw it smaller (it grew): what is there when it is read is searched
        assertThat(search(searcher("needle", true, 0), p, 11)).containsExactly("1:one needle", "3:three needle");
        // and across the chunk size
        assertThat(search(searcher("needle", false, 0), p, LineBuffer.CHUNK + 5L)).containsExactly("1:one needle", "3:three needle");
    }
}
