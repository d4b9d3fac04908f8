package dev.quiver.cli.query;

import dev.quiver.cli.ExitCode;
import dev.quiver.cli.render.Renderer;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code quiver sql "SELECT …"}: one SQL statement on a read-only connection. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run one SQL statement on the index, read-only (writes are refused), and print its rows "
                + "like the listing commands. Tables and views: see docs/SCHEMA.md."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver sql \"SELECT caller, line FROM v_calls WHERE target_name = 'exec'\"",
            "  quiver sql --json \"SELECT kind, count(*) AS n FROM calls GROUP BY kind ORDER BY n DESC\""})
public final class SqlCommand extends QueryCommand {
    @Parameters(arity = "1", paramLabel = "STATEMENT", description = "The SQL statement (quote it for the shell).")
    String statement;

    @Override
    protected ExitCode execute(Index index, Deadline deadline) throws QueryException, IOException {
        Renderer r = output.renderer(out());
        index.sql(statement, deadline, r);
        r.finish();
        return r.rows() > 0 ? ExitCode.OK : ExitCode.NO_MATCH;
    }
}
