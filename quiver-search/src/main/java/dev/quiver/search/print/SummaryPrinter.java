package dev.quiver.search.print;

import dev.quiver.search.match.Spans;
import dev.quiver.search.print.OutputOptions.Mode;
import dev.quiver.search.searcher.FileResult;

/**
 * One line per file, or none, as ripgrep's {@code summary.rs}: the count of matching lines
 * ({@code -c}) or of matches ({@code --count-matches}), the path of a file with a match
 * ({@code -l}) or without one ({@code --files-without-match}), every file to be searched
 * ({@code --files}); nothing with {@code -q}. It asks for no lines, so one match may decide a file.
 */
public final class SummaryPrinter extends PathPrinter {
    /** @param withFilename resolved: print the path before a count */
    public SummaryPrinter(OutputOptions opt, boolean withFilename) {
        super(opt, withFilename);
    }

    @Override
    public void match(byte[] buf, long base, int ls, int le, long lineNumber, Spans spans) {
        // a summary prints no line; lines reach it only through a sink that watches them for
        // --edit or --write (rg -c -r prints the count alone too)
    }

    @Override
    public boolean wantsLines() {
        return false;
    }

    @Override
    public void binaryMatch(long nulOffset) {
        // a summary says nothing of binary files
    }

    @Override
    public void binaryStopped(long nulOffset) {
        // a summary says nothing of binary files
    }

    @Override
    public void end(FileResult r, long elapsedNanos) {
        Mode mode = opt.mode();
        switch (mode) {
            case FILES -> pathLine();
            case FILES_WITH_MATCHES -> {
                if (r.matched()) {
                    pathLine();
                }
            }
            case FILES_WITHOUT_MATCH -> {
                if (!r.matched() && !r.skipped()) {
                    pathLine();
                }
            }
            case COUNT, COUNT_MATCHES -> {
                long count = mode == Mode.COUNT ? r.groups() : r.matches();
                if (count > 0) {
                    if (withFilename) {
                        pathBytes();
                        out.write(opt.nullSeparator() ? 0 : ':');
                    }
                    out.writeNumber(count).write('\n');
                }
            }
            default -> { }
        }
    }
}
