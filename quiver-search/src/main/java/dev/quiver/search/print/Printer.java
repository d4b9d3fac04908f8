package dev.quiver.search.print;

import dev.quiver.search.searcher.FileEntry;
import dev.quiver.search.searcher.FileResult;
import dev.quiver.search.searcher.Sink;

/**
 * Formats one file's results into a {@link ByteBuf}; one printer per worker thread. The buffer is
 * handed to the output in one block after {@link #end}.
 */
public abstract class Printer implements Sink {
    private static final byte[] NONE = new byte[0];

    protected final ByteBuf out = new ByteBuf();
    protected FileEntry file;

    /** Starts a new file. */
    public void begin(FileEntry f) {
        out.clear();
        file = f;
    }

    /** Ends the file: file-level lines (counts, paths) are written here. */
    public abstract void end(FileResult result, long elapsedNanos);

    /** This file's output. */
    public ByteBuf output() {
        return out;
    }

    /** Bytes written between two non-empty file blocks: none unless a printer says otherwise. */
    public byte[] blockSeparator() {
        return NONE;
    }
}
