package dev.quiver.search.print;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array: one file's output, built before it is written in one block. */
public final class ByteBuf {
    private byte[] data = new byte[8192];
    private int size;

    public void clear() {
        size = 0;
        if (data.length > (1 << 20)) {
            data = new byte[8192]; // do not keep one huge file's output alive
        }
    }

    public int size() {
        return size;
    }

    public byte[] array() {
        return data;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }

    private void ensure(int extra) {
        if (size + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
        }
    }

    public ByteBuf write(int b) {
        ensure(1);
        data[size++] = (byte) b;
        return this;
    }

    public ByteBuf write(byte[] b) {
        return write(b, 0, b.length);
    }

    public ByteBuf write(byte[] b, int from, int to) {
        int n = to - from;
        ensure(n);
        System.arraycopy(b, from, data, size, n);
        size += n;
        return this;
    }

    public ByteBuf write(String s) {
        if (isAscii(s)) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                data[size++] = (byte) s.charAt(i);
            }
            return this;
        }
        return write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    public ByteBuf writeNumber(long n) {
        if (n >= 0 && n < 10) {
            return write('0' + (int) n);
        }
        return write(Long.toString(n));
    }

    @Override
    public String toString() {
        return new String(data, 0, size, StandardCharsets.UTF_8);
    }
}
