package dev.quiver.cli.query;

import dev.quiver.cli.ExitCode;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The template of every command that asks an index a question (PMD's validate-then-execute):
 * {@link #call} validates the options, opens the index (or uses the shell's), runs
 * {@link #execute} under a fresh {@link Deadline}, and turns a {@link QueryException} into one line
 * on stderr and exit code 2. Subclasses hold no SQL: they build query objects for core.
 */
public abstract class QueryCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE",
            description = "The index to read: a Quiver database or JSON index (default: the shell's open index, "
                    + "else quiver.db).")
    protected Path db;

    @Mixin
    protected OutputOptions output;

    @Override
    public final Integer call() throws Exception {
        if (output.formats() > 1) {
            throw new ParameterException(spec.commandLine(), "choose one of --json, --csv and --table");
        }
        validate();
        PrintWriter err = spec.commandLine().getErr();
        Deadline deadline = Session.begin();
        try {
            return Session.withIndex(db, index -> execute(index, deadline)).code();
        } catch (QueryException e) {
            err.println("quiver: error: " + e.getMessage());
            err.flush();
            return e.kind() == QueryException.Kind.TIMEOUT && deadline.cancelled()
                    ? ExitCode.INTERRUPTED.code() : ExitCode.ERROR.code();
        } finally {
            Session.end();
            spec.commandLine().getOut().flush();
        }
    }

    /** Checks option combinations; throw a {@link ParameterException} for usage errors. */
    protected void validate() {
    }

    /** Asks the question and prints the answer. */
    protected abstract ExitCode execute(Index index, Deadline deadline) throws QueryException, IOException;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A usage error for this command. */
    protected ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
