package dev.quiver.cli;

import dev.quiver.cli.terminal.Terminal;
import dev.quiver.core.Indexer;
import dev.quiver.core.pipeline.RunSummary;
import java.io.IOException;
import java.io.PrintWriter;

/** Runs an index request for {@code parse} and {@code parser}: progress, summary, exit code. */
final class IndexRun {
    private IndexRun() {
    }

    static int run(Indexer.Request request, PrintWriter out, PrintWriter err, boolean quiet)
            throws IOException, InterruptedException {
        ParseProgress progress = new ParseProgress(err, !quiet && Terminal.interactive(), !quiet);
        RunSummary s = Indexer.index(request, progress);
        progress.clear();
        if (!quiet) {
            if (s.problems() > ParseProgress.PROBLEMS_SHOWN) {
                err.printf("... and %,d more problems%n", s.problems() - ParseProgress.PROBLEMS_SHOWN);
            }
            out.printf("%s %s: %s%,d files, %,d classes, %,d methods, %,d fields, %,d calls, %,d strings, "
                            + "%,d field refs, %,d type refs, %,d problems in %.2f s (%.1f MB/s)%n",
                    request.append() ? "appended to" : "wrote", request.output(),
                    s.inputs() > 1 ? String.format("%,d inputs, ", s.inputs()) : "", s.files(), s.classes(), s.methods(),
                    s.fields(), s.calls(), s.strings(), s.fieldRefs(), s.typeRefs(), s.problems(), s.seconds(),
                    s.megabytesPerSecond());
            if (s.notAndroid() > 0 || s.duplicates() > 0) {
                out.printf("skipped %s%s%n", s.notAndroid() > 0 ? String.format("%,d files that are not Android code "
                        + "(not APK, DEX, JAR/ZIP with classes.dex or smali)", s.notAndroid()) : "",
                        s.duplicates() > 0 ? String.format("%s%,d duplicate inputs (the same SHA-256 as an earlier one)",
                                s.notAndroid() > 0 ? " and " : "", s.duplicates()) : "");
            }
            if (s.problems() > 0) {
                out.println("all problems are in the 'problems' table: sqlite3 " + request.output()
                        + " \"SELECT kind, path, line, message FROM problems\"");
            }
            out.flush();
        }
        return s.problems() > 0 ? ExitCode.COMPLETED_WITH_PROBLEMS.code() : ExitCode.OK.code();
    }
}
