package dev.quiver.search.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte-level scans and literal prefilters agree with a plain loop at every offset and length. */
class BytePrefilterTest {
    private static int naive(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void indexOfFindsTheFirstHitAtEveryAlignment() {
        Random r = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[r.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) "ab\u0000\n\u00ff\u0080x".charAt(r.nextInt(7));
            }
            int from = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            int to = from + (b.length - from == 0 ? 0 : r.nextInt(b.length - from + 1));
            for (byte c : new byte[] {'a', 0, '\n', (byte) 0xff, (byte) 0x80, 'x', 'z'}) {
                assertThat(Bytes.indexOf(b, c, from, to)).isEqualTo(naive(b, c, from, to));
                int either = Math.min(pos(naive(b, c, from, to)), pos(naive(b, (byte) 'b', from, to)));
                assertThat(Bytes.indexOfEither(b, c, (byte) 'b', from, to)).isEqualTo(either == Integer.MAX_VALUE ? -1 : either);
            }
        }
    }

    private static int pos(int i) {
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    @Test
    void literalIsFoundAtEveryOffsetIncludingTheLastBytes() {
        String lit = "getStringExtra";
        for (int at = 0; at < 40; at++) {
            byte[] b = ("x".repeat(at) + lit + "\n").getBytes(StandardCharsets.ISO_8859_1);
            Prefilter.Scanner s = new LiteralPrefilter(lit).scanner(b, b.length);
            assertThat(s.next(0, b.length)).isEqualTo(at);
            byte[] end = ("y".repeat(at) + lit).getBytes(StandardCharsets.ISO_8859_1); // no newline after it
            assertThat(new LiteralPrefilter(lit).scanner(end, end.length).next(0, end.length)).isEqualTo(at);
            // the region ends before the match starts: no candidate
            assertThat(new LiteralPrefilter(lit).scanner(b, b.length).next(0, at)).isEqualTo(-1);
        }
    }

    @Test
    void aPartialLiteralAtTheEndOfTheBufferIsNotACandidate() {
        byte[] b = "abc getStringExt".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new LiteralPrefilter("getStringExtra").scanner(b, b.length).next(0, b.length)).isEqualTo(-1);
    }

    @Test
    void foldedLiteralMatchesAnyAsciiCaseOnly() {
        byte[] b = "x onCREATE y OnCreate z oncreat\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        Prefilter.Scanner s = new FoldedLiteralPrefilter("oncreate").scanner(b, b.length);
        int first = s.next(0, b.length);
        assertThat(first).isEqualTo(2);
        assertThat(s.next(first + 1, b.length)).isEqualTo(13);
        assertThat(s.next(14, b.length)).isEqualTo(-1);
    }

    @Test
    void literalWithNonAsciiBytesIsMatchedExactly() {
        String utf8AsLatin1 = new String("caf\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        byte[] b = "un caf\u00e9 noir".getBytes(StandardCharsets.UTF_8);
        assertThat(new LiteralPrefilter(utf8AsLatin1).scanner(b, b.length).next(0, b.length)).isEqualTo(3);
    }
}
