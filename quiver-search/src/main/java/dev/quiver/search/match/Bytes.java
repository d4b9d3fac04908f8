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
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return to;
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
