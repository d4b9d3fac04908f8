package dev.quiver.cli.shell;

import dev.quiver.cli.ExitCode;
import dev.quiver.cli.query.Session;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code open DB}: makes DB the shell's index, the one every command without {@code --db} reads. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Open an index (a Quiver database or JSON index) for the commands that follow: they read it "
                + "unless given --db. Without DB, say which index is open."})
final class OpenCommand implements Callable<Integer> {
    private final Shell shell;

    @Parameters(arity = "0..1", paramLabel = "DB", description = "The index to open.")
    Path db;

    OpenCommand(Shell shell) {
        this.shell = shell;
    }

    @Override
    public Integer call() {
        if (db == null) {
            Index open = Session.current();
            shell.out().println(open == null ? "no index is open (open DB)" : "open: " + open.file());
            shell.out().flush();
            return ExitCode.OK.code();
        }
        try {
            shell.opened(Session.open(db));
            return ExitCode.OK.code();
        } catch (QueryException e) {
            shell.err().println("quiver: error: " + e.getMessage());
            shell.err().flush();
            return ExitCode.ERROR.code();
        }
    }
}
