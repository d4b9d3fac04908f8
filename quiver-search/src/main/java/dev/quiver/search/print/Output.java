package dev.quiver.search.print;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place results are written. Each file's output arrives as one block and is written
 * under a lock, so blocks never interleave. In ordered mode ({@code --sort path}) block {@code i}
 * is written only after blocks {@code 0..i-1}; workers may run at most {@code window} files ahead
 * of the writer, which bounds the memory held. A write error (a closed pipe) stops the output;
 * {@link #failed()} tells the search to stop.
 */
public final class Output {
    private final OutputStream out;
    private final boolean flushEachBlock;
    private final byte[] buffer = new byte[64 << 10];
    private int buffered;
    private boolean wroteAny;
    private IOException failure;

    private final Map<Integer, Object[]> pending = new HashMap<>();
    private int next;
    private final int window;

    /**
     * @param flushEachBlock flush after every block (interactive terminal)
     * @param window         ordered mode: how far ahead of the writer workers may go
     */
    public Output(OutputStream out, boolean flushEachBlock, int window) {
        this.out = out;
        this.flushEachBlock = flushEachBlock;
        this.window = window;
    }

    /** Unordered mode: writes one file's block now. */
    public synchronized void write(byte[] b, int len, byte[] separator) {
        if (len == 0 || failure != null) {
            return;
        }
        if (wroteAny && separator.length > 0) {
            put(separator, separator.length);
        }
        put(b, len);
        wroteAny = true;
        if (flushEachBlock) {
            flush();
        }
    }

    /** Raw bytes (summaries), not a file block. */
    public synchronized void writeRaw(byte[] b) {
        if (failure == null) {
            put(b, b.length);
        }
    }

    /** Ordered mode: blocks until file {@code index} may be searched (bounded run-ahead). */
    public synchronized void awaitTurn(int index) throws InterruptedException {
        while (index >= next + window && failure == null) {
            wait();
        }
    }

    /** Ordered mode: hands in file {@code index}'s block (possibly empty); writes what is now in order. */
    public synchronized void submit(int index, byte[] block, byte[] separator) {
        pending.put(index, new Object[] {block, separator});
        while (pending.containsKey(next)) {
            Object[] p = pending.remove(next);
            byte[] b = (byte[]) p[0];
            write(b, b.length, (byte[]) p[1]);
            next++;
        }
        notifyAll();
    }

    private void put(byte[] b, int len) {
        try {
            if (len > buffer.length - buffered) {
                out.write(buffer, 0, buffered);
                buffered = 0;
                if (len > buffer.length) {
                    out.write(b, 0, len);
                    return;
                }
            }
            System.arraycopy(b, 0, buffer, buffered, len);
            buffered += len;
        } catch (IOException e) {
            failure = e;
            notifyAll();
        }
    }

    public synchronized void flush() {
        if (failure != null) {
            return;
        }
        try {
            out.write(buffer, 0, buffered);
            buffered = 0;
            out.flush();
        } catch (IOException e) {
            failure = e;
            notifyAll();
        }
    }

    /** True once a write failed (for example, the reader of a pipe went away). */
    public synchronized boolean failed() {
        return failure != null;
    }

    /** The write error, or null. */
    public synchronized IOException failure() {
        return failure;
    }
}
