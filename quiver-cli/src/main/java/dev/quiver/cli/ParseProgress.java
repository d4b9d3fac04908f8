package dev.quiver.cli;

import dev.quiver.core.model.Problem;
import dev.quiver.core.pipeline.ProgressListener;
import java.io.PrintWriter;

/**
 * What {@code parse} shows on stderr while it runs: a one-line progress bar (only on a terminal,
 * redrawn at most ten times a second) and the first problems as they are found.
 */
final class ParseProgress implements ProgressListener {
    /** Problems printed on stderr; all of them are in the output's problems table. */
    static final int PROBLEMS_SHOWN = 10;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean bar;
    private final boolean problems;
    private long units;
    private long bytes;
    private long lastDraw;
    private boolean drawn;
    private long problemsSeen;

    /**
     * @param bar      draw the progress bar
     * @param problems print the first {@link #PROBLEMS_SHOWN} problems
     */
    ParseProgress(PrintWriter err, boolean bar, boolean problems) {
        this.err = err;
        this.bar = bar;
        this.problems = problems;
    }

    @Override
    public void expected(long units, long bytes) {
        this.units = units;
        this.bytes = bytes;
    }

    @Override
    public void written(long doneUnits, long doneBytes) {
        long now = System.nanoTime();
        if (!bar || (now - lastDraw < 100_000_000L && doneUnits < units)) {
            return;
        }
        lastDraw = now;
        double f = bytes > 0 ? Math.min(1.0, (double) doneBytes / bytes) : units > 0 ? (double) doneUnits / units : 0;
        int filled = (int) Math.round(f * WIDTH);
        err.printf("\r[%s%s] %3d%%  %,d/%,d units  %,d MB", "#".repeat(filled), " ".repeat(WIDTH - filled),
                Math.round(f * 100), doneUnits, units, doneBytes / 1_000_000);
        err.flush();
        drawn = true;
    }

    /** All files are read: say what the remaining seconds are spent on. */
    @Override
    public void finishing() {
        if (drawn) {
            clear();
            err.print("building indexes and finishing the output ...");
            err.flush();
            drawn = true; // so that clear() wipes this line too
        }
    }

    @Override
    public void note(String message) {
        if (problems) {
            clear();
            err.println("note: " + message);
            err.flush();
        }
    }

    @Override
    public void problem(Problem p) {
        if (problems && ++problemsSeen <= PROBLEMS_SHOWN) {
            clear();
            err.println("problem: " + p.path() + (p.line() > 0 ? ":" + p.line() : "") + ": [" + p.kind().label()
                    + "] " + p.message());
            err.flush();
        }
    }

    /** Clears the bar's line (before the summary or a problem is printed). */
    void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
