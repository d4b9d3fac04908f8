package dev.quiver.search.searcher;

/**
 * The search of a file found while walking that is searched in chunks: it goes read by read as
 * rg 13 reads the file ({@link RgReadModel}), so that it stops where rg stops when the file holds a
 * NUL. A read that holds the NUL is not searched and ends the search; the complete lines of the
 * reads before it are.
 */
final class ReadReplay {
    private final RgReadModel reads;
    private final LineBuffer lb;
    /** rg keeps {@code max(-A, -B) + 1} lines when it rolls its buffer. */
    private final int maxContext;

    ReadReplay(RgReadModel reads, LineBuffer lb, int maxContext) {
        this.reads = reads;
        this.lb = lb;
        this.maxContext = maxContext;
    }

    /**
     * Searches {@code file} from {@code pos} read by read, where the buffer holds a NUL at
     * {@code nul} (-1: none in the data) and data up to {@code len} ({@code eof}: the file's end).
     * Returns the offset up to which the lines were searched.
     */
    int search(FileSearch file, int pos, int nul, int len, boolean eof) {
        byte[] buf = lb.array();
        long base = lb.base();
        long dataEnd = base + len;
        int searched = pos;
        while (true) {
            long lastTerm = -1;
            while (lastTerm < 0) {
                long readEnd = reads.nextReadEnd();
                if (nul >= 0 && base + nul < readEnd) {
                    return searched; // the read with the NUL: rg stops
                }
                if (readEnd >= dataEnd) {
                    if (eof) {
                        // rg's last read: its last line need not end with a newline
                        file.searchLines(searched, len);
                        return len;
                    }
                    if (readEnd > dataEnd) {
                        return searched; // the read goes on in the next chunk
                    }
                }
                lastTerm = reads.read(buf, base, readEnd);
            }
            int to = (int) (lastTerm - base) + 1;
            int printedBefore = file.lastPrintedEnd();
            file.searchLines(searched, to);
            searched = to;
            if (file.done() && file.afterLeft() == 0) {
                // rg stops at its last needed line: it never reads the NUL
                file.forgetQuit();
                return searched;
            }
            // rg's roll: keep the context it may need
            boolean printed = file.lastPrintedEnd() != printedBefore && file.lastPrintedEnd() >= 0;
            reads.roll(buf, base, base + to, maxContext, printed ? base + file.lastPrintedEnd() : -1);
        }
    }
}
