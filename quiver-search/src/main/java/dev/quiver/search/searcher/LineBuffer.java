package dev.quiver.search.searcher;

import dev.quiver.search.match.Bytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One worker's byte buffer over the file being searched, as ripgrep's {@code line_buffer.rs}:
 * it fills from a channel, grows for a line longer than itself, rolls (drops what was searched,
 * keeping the lines still needed) and reads on. It also sniffs a byte-order mark: a UTF-16 file is
 * read whole and transcoded to UTF-8 in place. The array is reused from file to file; not
 * thread-safe.
 */
final class LineBuffer {
    /** Files up to this size are read whole; larger ones are searched in pieces of this size. */
    static final int CHUNK = 16 << 20;
    static final int MAX_BUFFER = Integer.MAX_VALUE - 64;
    private static final int INITIAL = 64 << 10;
    /** A UTF-8 byte-order mark's length: not part of line 1. */
    private static final int UTF8_BOM = 3;

    private byte[] buf = new byte[INITIAL];
    private ReadableByteChannel channel;
    /** The size the walk saw, or -1: reading stops there (it saves the read() that would return EOF). */
    private long expectedEnd;
    private int length;
    private long base;
    private boolean eof;
    private long bytesRead;

    /**
     * Starts a file and makes its first read. {@code whole}: the file is searched in one piece, so
     * the buffer is sized from {@code sizeHint} when it is known; else it is at least
     * {@link #CHUNK}.
     */
    void start(ReadableByteChannel ch, long sizeHint, boolean whole) throws IOException {
        channel = ch;
        expectedEnd = sizeHint;
        base = 0;
        length = 0;
        if (whole && sizeHint >= 0) {
            if (sizeHint >= MAX_BUFFER) {
                throw new IOException("file too large for multiline search (" + sizeHint + " bytes)");
            }
            ensureCapacity((int) sizeHint + 1);
        } else if (!whole && buf.length < CHUNK) {
            ensureCapacity(CHUNK);
        }
        length = fill(0);
        eof = length < buf.length;
        bytesRead = length;
    }

    /**
     * Sniffs a byte-order mark at the start: a UTF-16 file (either order) is read whole and
     * transcoded to UTF-8, which replaces it in the buffer. Returns the encoding searched:
     * "utf-16le", "utf-16be" or "utf-8".
     */
    String transcodeUtf16() throws IOException {
        boolean le = length >= 2 && buf[0] == (byte) 0xFF && buf[1] == (byte) 0xFE;
        boolean be = length >= 2 && buf[0] == (byte) 0xFE && buf[1] == (byte) 0xFF;
        if (!le && !be) {
            return "utf-8";
        }
        readAll("file too large to transcode from UTF-16");
        Charset cs = le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        byte[] utf8 = new String(buf, 2, length - 2, cs).getBytes(StandardCharsets.UTF_8);
        ensureCapacity(utf8.length + 1);
        System.arraycopy(utf8, 0, buf, 0, utf8.length);
        length = utf8.length;
        return le ? "utf-16le" : "utf-16be";
    }

    /** Where the text starts: after a UTF-8 byte-order mark, else 0. Call before the first roll. */
    int textStart() {
        boolean bom = length >= UTF8_BOM && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF;
        return bom ? UTF8_BOM : 0;
    }

    /** Reads the rest of the file into the buffer (a multiline search needs it whole). */
    void readAll(String tooLarge) throws IOException {
        while (!eof) {
            if (length == MAX_BUFFER) {
                throw new IOException(tooLarge);
            }
            readMore(growSize(length));
        }
    }

    /** Grows the buffer and reads on: one line is longer than the buffer. */
    void growAndRead() throws IOException {
        if (length == MAX_BUFFER) {
            throw new IOException("line too long (more than " + MAX_BUFFER + " bytes)");
        }
        readMore(growSize(length));
    }

    /**
     * Drops {@code [0, keep)}, which was searched and is no longer needed, moves the rest to the
     * front and reads on into the room made.
     */
    void rollAndRead(int keep) throws IOException {
        System.arraycopy(buf, keep, buf, 0, length - keep);
        base += keep;
        length -= keep;
        // nothing could be dropped (rg's reads, which a binary file replays, grew past the buffer)
        readMore(length == buf.length ? growSize(length) : buf.length);
    }

    private void readMore(int capacity) throws IOException {
        ensureCapacity(capacity);
        int n = fill(length);
        eof = length + n < buf.length;
        length += n;
        bytesRead += n;
    }

    /**
     * The offset of the last newline in {@code [from, length)}, or -1: the data up to it holds
     * whole lines.
     */
    int lastNewline(int from) {
        for (int i = length - 1; i >= from; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Where the {@code count} lines before {@code end} start: what a roll keeps for before-context. */
    int linesBefore(int end, int count) {
        int s = end;
        for (int k = 0; k < count && s > 0; k++) {
            s = Bytes.lineStart(buf, 0, s - 1);
        }
        return s;
    }

    /** The bytes; a grown buffer is a new array, so ask again after a read. */
    byte[] array() {
        return buf;
    }

    /** The end of the data in {@link #array()}. */
    int length() {
        return length;
    }

    /** The file offset of {@code array()[0]}. */
    long base() {
        return base;
    }

    /** True once the file has been read to its end. */
    boolean eof() {
        return eof;
    }

    /** What was read from the channel (before any transcoding): the bytes rg counts as searched. */
    long bytesRead() {
        return bytesRead;
    }

    private static int growSize(int len) {
        long next = Math.max(INITIAL, (long) len * 2);
        return (int) Math.min(next, MAX_BUFFER);
    }

    private void ensureCapacity(int n) {
        if (buf.length < n) {
            buf = Arrays.copyOf(buf, n);
        }
    }

    private int fill(int from) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, from, buf.length - from);
        while (bb.hasRemaining()) {
            int n = channel.read(bb);
            if (n < 0) {
                break;
            }
            if (expectedEnd >= 0 && base + bb.position() == expectedEnd) {
                break; // read as much as the walk said the file holds
            }
        }
        return bb.position() - from;
    }
}
