package dev.quiver.search.searcher;

/**
 * The reads ripgrep 13 makes of a file found while walking, in file offsets, so that a
 * {@link Searcher} can stop where rg stops at a NUL: rg abandons such a file at the read that holds
 * the NUL, having searched the complete lines of the reads before it.
 *
 * <p>rg reads 3 bytes first (its BOM sniffing; a UTF-8 BOM is skipped, and its first read is then a
 * full one), then fills a 64 KiB buffer. A read that ends in the middle of a line is followed by
 * another, the buffer's capacity tripling when it is full. The complete lines read are searched,
 * then the buffer is rolled: it keeps the last {@code max(-A, -B) + 1} lines (fewer when a line
 * after their start was printed) and the partial line, and the next read fills the rest of it.
 *
 * <p>The model only tracks offsets: the bytes are the searcher's, passed in with the file offset
 * of their first byte ({@code base}). Not thread-safe.
 */
final class RgReadModel {
    /** rg's first read: the bytes it sniffs for a BOM. */
    static final int FIRST_READ = 3;
    /** The capacity of rg's buffer before any line outgrew it. */
    static final int INITIAL_CAPACITY = 64 << 10;
    /** The length of a UTF-8 BOM, which rg's reads skip. */
    static final int UTF8_BOM = 3;

    /** File offset of the start of rg's buffer. */
    private long start;
    /** File offset of the end of the data read so far. */
    private long end;
    private long capacity;
    /** The next read is the first one (3 bytes). */
    private boolean first;
    /** The file starts with a UTF-8 BOM. */
    private boolean bom;

    RgReadModel() {
        reset(false);
    }

    /** Starts a new file, which starts with a UTF-8 BOM or not: rg's reads start after it. */
    void reset(boolean utf8Bom) {
        bom = utf8Bom;
        first = !utf8Bom; // rg strips the BOM: its first read is a full one
        start = utf8Bom ? UTF8_BOM : 0;
        end = start;
        capacity = INITIAL_CAPACITY;
    }

    /** File offset of the start of rg's buffer: the data before it is no longer needed. */
    long start() {
        return start;
    }

    /** File offset of the end of the data rg has read. */
    long end() {
        return end;
    }

    long capacity() {
        return capacity;
    }

    /** The offset rg gives for file offset {@code fileOffset}: rg counts what it reads, without a UTF-8 BOM. */
    long rgOffset(long fileOffset) {
        return fileOffset - (bom ? UTF8_BOM : 0);
    }

    /**
     * File offset of the end of rg's next read (the buffer's capacity triples first when it is
     * full). Does not read: calling it again before {@link #read} gives the same offset.
     */
    long nextReadEnd() {
        if (end - start >= capacity) {
            capacity *= 3;
        }
        return first ? start + FIRST_READ : start + capacity;
    }

    /**
     * Makes rg's next read, up to {@code readEnd} (from {@link #nextReadEnd}), whose bytes are in
     * {@code buf}, which holds the file from offset {@code base}; returns the file offset of the last
     * newline it read, or -1 when it ended in the middle of a line (rg reads on).
     */
    long read(byte[] buf, long base, long readEnd) {
        long from = end;
        first = false;
        end = readEnd;
        for (long i = readEnd - 1; i >= from; i--) {
            if (i < base) {
                return i; // the data before the buffer ends on a line boundary
            }
            if (buf[(int) (i - base)] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * rg's roll after searching its complete lines, up to file offset {@code searchedEnd}: without
     * context, the buffer keeps only the partial line after them; with {@code maxContext} (max of -A
     * and -B) lines of context, it keeps the last {@code maxContext + 1} lines too, from the start
     * of the line after the last one printed while searching them ({@code printedEnd}, a file offset,
     * or -1 if none) when that is later. {@code buf} holds the file from offset {@code base}.
     */
    void roll(byte[] buf, long base, long searchedEnd, int maxContext, long printedEnd) {
        long s = searchedEnd;
        if (maxContext > 0) {
            int to = (int) (searchedEnd - base);
            long contextStart = base + preceding(buf, (int) Math.max(0, start - base), to, maxContext);
            long visited = printedEnd >= 0 ? printedEnd : start;
            s = Math.max(contextStart, visited);
        }
        start = s;
    }

    /**
     * rg's {@code lines::preceding}: the start of the line {@code count} lines before the last one
     * of {@code buf[from, to)}, or {@code from}.
     */
    static int preceding(byte[] buf, int from, int to, int count) {
        int p = to;
        if (p <= from) {
            return from;
        }
        if (buf[p - 1] == '\n') {
            p--;
        }
        while (true) {
            int i = p - 1;
            while (i >= from && buf[i] != '\n') {
                i--;
            }
            if (i < from) {
                return from;
            }
            if (count == 0) {
                return i + 1;
            }
            if (i == from) {
                return from;
            }
            count--;
            p = i;
        }
    }
}
