package dev.quiver.search.searcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** rg 13's reads of a file found while walking, as {@link RgReadModel} replays them. */
class RgReadModelTest {
    private static final int K64 = 64 << 10;
    /** "line 000001 bar\n" to "line 010000 bar\n": 4096 lines fill 64 KiB. */
    private static final byte[] LINES = lines(10000);

    /** {@code n} lines of 16 bytes: "line 000001 bar\n"... */
    private static byte[] lines(int n) {
        StringBuilder b = new StringBuilder(n * 16);
        for (int i = 1; i <= n; i++) {
            b.append(String.format("line %06d bar\n", i));
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Makes the next read; returns its last newline. */
    private static long read(RgReadModel m, byte[] buf) {
        return m.read(buf, 0, m.nextReadEnd());
    }

    /** The 4096 lines of {@link #LINES} rg's first two reads give, searched: the model before its first roll. */
    private static RgReadModel firstBuffer() {
        RgReadModel m = new RgReadModel();
        read(m, LINES);
        assertThat(read(m, LINES)).isEqualTo(K64 - 1);
        return m;
    }

    @Test
    void theFirstReadIsThreeBytesThenTheBufferIsFilledTo64Kib() {
        RgReadModel m = new RgReadModel();
        byte[] buf = LINES;
        assertThat(m.start()).isZero();
        assertThat(m.nextReadEnd()).isEqualTo(3);
        assertThat(m.nextReadEnd()).as("no read yet: the same read").isEqualTo(3);
        assertThat(m.read(buf, 0, 3)).as("no newline in the first 3 bytes").isEqualTo(-1);
        assertThat(m.end()).isEqualTo(3);
        assertThat(m.nextReadEnd()).as("the second read fills the 64 KiB buffer").isEqualTo(K64);
        assertThat(m.read(buf, 0, K64)).as("the last newline of the buffer").isEqualTo(K64 - 1);
        assertThat(m.capacity()).isEqualTo(K64);
    }

    @Test
    void theFirstReadEndsALineWhenTheFileStartsWithOne() {
        RgReadModel m = new RgReadModel();
        byte[] buf = "a\nbc\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(read(m, buf)).isEqualTo(1);
    }

    @Test
    void theBufferTriplesWhenALineDoesNotFit() {
        RgReadModel m = new RgReadModel();
        byte[] buf = new byte[2_000_000];
        Arrays.fill(buf, (byte) 'a');
        buf[700_000] = '\n';
        assertThat(read(m, buf)).isEqualTo(-1);
        assertThat(read(m, buf)).as("64 KiB, no newline").isEqualTo(-1);
        assertThat(m.nextReadEnd()).as("full: tripled").isEqualTo(3L * K64);
        assertThat(m.nextReadEnd()).as("tripled once only").isEqualTo(3L * K64);
        assertThat(m.capacity()).isEqualTo(3L * K64);
        assertThat(read(m, buf)).isEqualTo(-1);
        assertThat(m.nextReadEnd()).isEqualTo(9L * K64);
        assertThat(read(m, buf)).as("576 KiB: the newline is further").isEqualTo(-1);
        assertThat(m.nextReadEnd()).isEqualTo(27L * K64);
        assertThat(read(m, buf)).isEqualTo(700_000);
        assertThat(m.end()).isEqualTo(27L * K64);
    }

    @Test
    void aRollWithoutContextKeepsOnlyThePartialLine() {
        RgReadModel m = firstBuffer();
        m.roll(LINES, 0, K64, 0, -1);
        assertThat(m.start()).isEqualTo(K64);
        assertThat(m.nextReadEnd()).as("the next read fills the rest of the buffer").isEqualTo(K64 + K64);
    }

    @Test
    void aRollWithContextKeepsMaxContextPlusOneLines() {
        RgReadModel m = firstBuffer();
        m.roll(LINES, 0, K64, 3, -1);
        assertThat(m.start()).as("lines 4093 to 4096 kept").isEqualTo(K64 - 4 * 16);
        assertThat(m.nextReadEnd()).isEqualTo(m.start() + K64);
        assertThat(read(m, LINES)).as("reads on from the end of the last read").isEqualTo(m.start() + K64 - 1);
    }

    @Test
    void aRollKeepsFewerLinesWhenALaterLineWasPrinted() {
        RgReadModel m = firstBuffer();
        m.roll(LINES, 0, K64, 3, K64 - 16); // line 4095 printed: the buffer keeps line 4096 only
        assertThat(m.start()).isEqualTo(K64 - 16);
        RgReadModel n = firstBuffer();
        n.roll(LINES, 0, K64, 3, 16); // printed before the lines it keeps: no change
        assertThat(n.start()).isEqualTo(K64 - 4 * 16);
    }

    @Test
    void aRollKeepsNothingBeforeTheBuffersStart() {
        RgReadModel m = firstBuffer();
        m.roll(LINES, 0, K64, 0, -1);
        assertThat(read(m, LINES)).isEqualTo(2L * K64 - 1);
        m.roll(LINES, 0, 2L * K64, 10000, -1);
        assertThat(m.start()).as("the buffer held lines 4097 to 8192 only").isEqualTo(K64);
    }

    @Test
    void rgsBufferMayStartBeforeTheSearchersBuffer() {
        RgReadModel m = firstBuffer();
        m.roll(LINES, 0, K64, 2, -1); // rg keeps lines 4094 to 4096
        assertThat(m.start()).isEqualTo(K64 - 3 * 16);
        long base = K64; // the searcher kept none of them
        byte[] buf = Arrays.copyOfRange(LINES, (int) base, LINES.length);
        m.roll(buf, base, base, 2, -1);
        assertThat(m.start()).as("its context starts no earlier than the searcher's buffer").isEqualTo(base);
    }

    @Test
    void theDataBeforeTheSearchersBufferEndsOnALineBoundary() {
        RgReadModel m = new RgReadModel();
        m.read("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
        assertThat(m.read(new byte[0], 10, 10)).isEqualTo(9);
    }

    @Test
    void aUtf8BomIsSkippedAndTheFirstReadIsAFullOne() {
        RgReadModel m = new RgReadModel();
        m.reset(true);
        assertThat(m.start()).isEqualTo(3);
        assertThat(m.end()).isEqualTo(3);
        assertThat(m.nextReadEnd()).isEqualTo(3 + K64);
        assertThat(m.rgOffset(70003)).as("rg's offsets do not count the BOM").isEqualTo(70000);
        m.reset(false);
        assertThat(m.nextReadEnd()).isEqualTo(3);
        assertThat(m.rgOffset(70003)).isEqualTo(70003);
    }

    @Test
    void resetStartsOver() {
        RgReadModel m = new RgReadModel();
        byte[] buf = new byte[K64 * 4];
        read(m, buf);
        read(m, buf);
        m.nextReadEnd();
        assertThat(m.capacity()).isEqualTo(3L * K64);
        m.reset(false);
        assertThat(m.capacity()).isEqualTo(K64);
        assertThat(m.start()).isZero();
        assertThat(m.nextReadEnd()).isEqualTo(3);
    }

    @Test
    void precedingIsRipgrepsLinesPreceding() {
        byte[] b = "a\nbb\nccc\ndddd\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(RgReadModel.preceding(b, 0, b.length, 0)).as("the last line").isEqualTo(9);
        assertThat(RgReadModel.preceding(b, 0, b.length, 1)).isEqualTo(5);
        assertThat(RgReadModel.preceding(b, 0, b.length, 2)).isEqualTo(2);
        assertThat(RgReadModel.preceding(b, 0, b.length, 3)).isEqualTo(0);
        assertThat(RgReadModel.preceding(b, 0, b.length, 9)).isEqualTo(0);
        assertThat(RgReadModel.preceding(b, 5, b.length, 9)).as("not before from").isEqualTo(5);
        assertThat(RgReadModel.preceding(b, 0, 12, 0)).as("a partial last line").isEqualTo(9);
        assertThat(RgReadModel.preceding(b, 4, 4, 1)).as("empty").isEqualTo(4);
    }
}
