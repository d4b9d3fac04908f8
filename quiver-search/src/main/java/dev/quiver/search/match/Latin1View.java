package dev.quiver.search.match;

import java.nio.charset.StandardCharsets;

/**
 * The bytes {@code [0, length)} of a buffer seen as chars, one per byte (Latin-1), so the regex
 * runs over the buffer with byte offsets and without copying it into a {@link String}. Reused for
 * every buffer a worker searches; not thread-safe.
 */
final class Latin1View implements CharSequence {
    private byte[] buf;
    private int length;

    void reset(byte[] buf, int length) {
        this.buf = buf;
        this.length = length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (buf[index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException(start + ".." + end);
        }
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(buf, 0, length, StandardCharsets.ISO_8859_1);
    }
}
