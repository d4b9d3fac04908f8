package dev.quiver.cli;

import dev.quiver.core.pipeline.ProgressListener;
import java.io.PrintWriter;

/** A one-line progress bar on stderr, redrawn at most ten times a second; only on a terminal. */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private long units;
    private long bytes;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void expected(long units, long bytes) {
        this.units = units;
        this.bytes = bytes;
    }

    @Override
    public void written(long doneUnits, long doneBytes) {
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && doneUnits < units) {
            return;
        }
        lastDraw = now;
        double f = bytes > 0 ? Math.min(1.0, (double) doneBytes / bytes) : units > 0 ? (double) doneUnits / units : 0;
        int filled = (int) Math.round(f * WIDTH);
        err.printf("\r[%s%s] %3d%%  %,d/%,d files  %,d MB", "#".repeat(filled), " ".repeat(WIDTH - filled),
                Math.round(f * 100), doneUnits, units, doneBytes / 1_000_000);
        err.flush();
        drawn = true;
    }

    /** All files are read: say what the remaining seconds are spent on. */
    @Override
    public void finishing() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\rbuilding indexes and finishing the output ...");
            err.flush();
        }
    }

    /** Clears the bar before the summary is printed. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            err.flush();
        }
    }
}
