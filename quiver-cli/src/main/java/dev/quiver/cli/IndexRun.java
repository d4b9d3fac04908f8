package dev.quiver.cli;

import dev.quiver.core.Indexer;
import dev.quiver.core.model.Problem;
import dev.quiver.core.pipeline.ProgressListener;
import dev.quiver.core.pipeline.RunSummary;
import java.io.IOException;
import java.io.PrintWriter;

/** Runs an index request for {@code parse} and {@code parser}: progress, summary, exit code. */
final class IndexRun {
    /** Problems printed on stderr; all of them are in the output's problems table. */
    static final int PROBLEMS_SHOWN = 10;

    private IndexRun() {
    }

    static int run(Indexer.Request request, PrintWriter out, PrintWriter err, boolean quiet)
            throws IOException, InterruptedException {
        ProgressBar bar = !quiet && Terminal.interactive() ? new ProgressBar(err) : null;
        int[] problems = {0};
        ProgressListener listener = new ProgressListener() {
            @Override
            public void expected(long units, long bytes) {
                if (bar != null) {
                    bar.expected(units, bytes);
                }
            }

            @Override
            public void written(long units, long bytes) {
                if (bar != null) {
                    bar.written(units, bytes);
                }
            }

            @Override
            public void finishing() {
                if (bar != null) {
                    bar.finishing();
                }
            }

            @Override
            public void problem(Problem p) {
                if (++problems[0] <= PROBLEMS_SHOWN && !quiet) {
                    if (bar != null) {
                        bar.finish();
                    }
                    err.println("problem: " + p.path() + (p.line() > 0 ? ":" + p.line() : "") + ": ["
                            + p.kind().label() + "] " + p.message());
                    err.flush();
                }
            }
        };
        RunSummary s = Indexer.index(request, listener);
        if (bar != null) {
            bar.finish();
        }
        if (!quiet) {
            if (s.problems() > PROBLEMS_SHOWN) {
                err.printf("... and %,d more problems%n", s.problems() - PROBLEMS_SHOWN);
            }
            out.printf("%s %s: %,d files, %,d classes, %,d methods, %,d fields, %,d calls, %,d strings, "
                            + "%,d field refs, %,d type refs, %,d problems in %.2f s (%.1f MB/s)%n",
                    request.append() ? "appended to" : "wrote", request.output(), s.files(), s.classes(), s.methods(),
                    s.fields(), s.calls(), s.strings(), s.fieldRefs(), s.typeRefs(), s.problems(), s.seconds(),
                    s.megabytesPerSecond());
            if (s.problems() > 0) {
                out.println("all problems are in the 'problems' table: sqlite3 " + request.output()
                        + " \"SELECT kind, path, line, message FROM problems\"");
            }
            out.flush();
        }
        if (s.units() == 0) {
            err.println("quiver: warning: no files matching '" + request.suffix() + "' were found");
            err.flush();
        }
        return s.problems() > 0 ? ExitCode.COMPLETED_WITH_PROBLEMS.code() : ExitCode.OK.code();
    }
}
