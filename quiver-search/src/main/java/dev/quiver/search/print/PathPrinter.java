package dev.quiver.search.print;

import dev.quiver.search.searcher.FileEntry;
import java.nio.charset.StandardCharsets;

/**
 * What the text printers share: the file's path, encoded only when first printed (most files
 * print nothing) and coloured on a terminal, the heading above a file's lines, and the
 * "binary file matches" line.
 */
abstract class PathPrinter extends Printer {
    protected final OutputOptions opt;
    /** Resolved: print the path with each line. */
    protected final boolean withFilename;
    private byte[] path;
    private boolean headingWritten;

    PathPrinter(OutputOptions opt, boolean withFilename) {
        this.opt = opt;
        this.withFilename = withFilename;
    }

    @Override
    public void begin(FileEntry f) {
        super.begin(f);
        path = null;
        headingWritten = false;
    }

    /** The path's bytes (UTF-8), not coloured. */
    protected byte[] path() {
        if (path == null) {
            path = file.display().getBytes(StandardCharsets.UTF_8);
        }
        return path;
    }

    protected void pathBytes() {
        if (opt.color()) {
            out.write(Ansi.PATH).write(path()).write(Ansi.RESET);
        } else {
            out.write(path());
        }
    }

    /** The path alone on its line (or ended by NUL with {@code -0}). */
    protected void pathLine() {
        pathBytes();
        out.write(opt.nullSeparator() ? 0 : '\n');
    }

    /** The path above the file's first line, when grouping ({@code --heading}). */
    protected void heading() {
        if (opt.heading() && !headingWritten) {
            headingWritten = true;
            pathLine();
        }
    }

    @Override
    public void binaryMatch(long nulOffset) {
        binaryLine("binary file matches", nulOffset);
    }

    @Override
    public void binaryStopped(long nulOffset) {
        binaryLine("WARNING: stopped searching binary file after match", nulOffset);
    }

    private void binaryLine(String what, long nulOffset) {
        heading();
        if (withFilename && !opt.heading()) {
            pathBytes();
            out.write(": ");
        }
        out.write(what + " (found \"\\0\" byte around offset " + nulOffset + ")\n");
    }
}
