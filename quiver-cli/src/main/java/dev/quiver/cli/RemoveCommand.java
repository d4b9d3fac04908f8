package dev.quiver.cli;

import dev.quiver.cli.render.Cells;
import dev.quiver.core.Indexer;
import dev.quiver.core.query.App;
import dev.quiver.core.query.QueryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quiver remove APP [--db FILE] [--all]}: deletes one input (app) and all its rows from a database. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Remove an input (app) from a database: its classes, code, strings, problems and manifest. "
                + "The database is rewritten under a temporary name and moved into place at the end: an interrupted "
                + "removal leaves it as it was.", "",
            "APP is what --app takes: the id (see 'quiver apps'), the path, the file name, the package or a SHA-256 "
                + "prefix. A selector naming several inputs is an error unless --all is given."},
        footerHeading = "%nExamples:%n",
        footer = {"  quiver remove 2 --db samples.db", "  quiver remove com.example.app --all --db samples.db"})
public final class RemoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "APP", description = "The input to remove.")
    String app;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "quiver.db",
            description = "The database (default: ${DEFAULT-VALUE}); a JSON index cannot be changed.")
    Path db;

    @Option(names = "--all", description = "Remove every input APP names (a package with several versions).")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (dev.quiver.core.store.JsonIndexReader.looksLikeJson(db)) {
                err.println("quiver: error: " + db + " is a JSON index, which is written once; parse again without "
                        + "the input instead");
                return ExitCode.ERROR.code();
            }
            List<App> removed = Indexer.remove(db, app, all);
            if (!quiet) {
                for (App a : removed) {
                    out.println("removed input " + a.id() + " (" + Cells.display(a.label()) + ", " + Cells.display(a.path())
                            + ") from " + db);
                }
            }
            out.flush();
            return ExitCode.OK.code();
        } catch (QueryException e) {
            err.println("quiver: error: " + e.getMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("quiver: error: no database at " + db);
        } catch (IOException e) {
            err.println("quiver: error: " + e.getMessage());
        }
        err.flush();
        return ExitCode.ERROR.code();
    }
}
