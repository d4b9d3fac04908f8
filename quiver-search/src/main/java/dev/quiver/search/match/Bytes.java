package dev.quiver.search.match;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Scans over byte arrays, eight bytes at a time where it pays (SWAR). */
public final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private Bytes() {
    }

    /** True when no byte in {@code [from, to)} has its high bit set. */
    public static boolean isAscii(byte[] b, int from, int to) {
        int i = from;
        long acc = 0;
        for (; i + 8 <= to; i += 8) {
            acc |= (long) LONGS.get(b, i);
        }
        if ((acc & HIGHS) != 0) {
            return false;
        }
        for (; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The offset of the first NUL byte in {@code [from, to)}, or -1. */
    public static int indexOfNul(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(b, i);
            if (((v - ONES) & ~v & HIGHS) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The offset of the first byte equal to {@code c} in {@code [from, to)}, or -1. Eight bytes
     * at a time (SWAR): fast under C2 and under C1 alike, where {@code String.indexOf} is not an
     * intrinsic and the copy into a {@code String} would cost as much as the search.
     */
    public static int indexOf(byte[] b, byte c, int from, int to) {
        long pattern = (c & 0xffL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(b, i) ^ pattern;
            long t = (v - ONES) & ~v & HIGHS;
            if (t != 0) {
                // the lowest flagged byte is a real zero byte (borrows only run upwards)
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The offset of the first byte equal to {@code c1} or {@code c2} in {@code [from, to)}, or -1. */
    public static int indexOfEither(byte[] b, byte c1, byte c2, int from, int to) {
        long p1 = (c1 & 0xffL) * ONES;
        long p2 = (c2 & 0xffL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(b, i);
            long v1 = w ^ p1;
            long v2 = w ^ p2;
            long t = ((v1 - ONES) & ~v1 | (v2 - ONES) & ~v2) & HIGHS;
            if (t != 0) {
                int k = Long.numberOfTrailingZeros(t) >>> 3;
                // a borrow can flag a byte above a real match in one half; the lowest flag is exact
                return i + k;
            }
        }
        for (; i < to; i++) {
            if (b[i] == c1 || b[i] == c2) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code b[at, at + lit.length)} equals {@code lit}. */
    public static boolean regionEquals(byte[] b, int at, byte[] lit) {
        for (int k = 0; k < lit.length; k++) {
            if (b[at + k] != lit[k]) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code b[at, at + lit.length)} equals {@code lit} ignoring ASCII case ({@code lit} is lower case). */
    public static boolean regionEqualsAsciiIgnoreCase(byte[] b, int at, byte[] lowerLit) {
        for (int k = 0; k < lowerLit.length; k++) {
            int x = b[at + k];
            if (x >= 'A' && x <= 'Z') {
                x += 'a' - 'A';
            }
            if (x != lowerLit[k]) {
                return false;
            }
        }
        return true;
    }

    /** The number of {@code '\n'} bytes in {@code [from, to)}. */
    public static int countNewlines(byte[] b, int from, int to) {
        int count = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(b, i) ^ NEWLINES;
            // a byte of v is zero exactly where the input had '\n'
            long t = ((v & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | v;
            count += Long.bitCount(~t & HIGHS);
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Index of the first {@code '\n'} in {@code [from, to)}, or {@code to}. */
    public static int lineEnd(byte[] b, int from, int to) {
        int i = indexOf(b, (byte) '\n', from, to);
        return i < 0 ? to : i;
    }

    /** Start of the line containing {@code pos}, not before {@code floor}. */
    public static int lineStart(byte[] b, int floor, int pos) {
        for (int i = pos - 1; i >= floor; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return floor;
    }
}
