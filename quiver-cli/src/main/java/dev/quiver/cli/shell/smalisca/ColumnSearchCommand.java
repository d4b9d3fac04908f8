package dev.quiver.cli.shell.smalisca;

import dev.quiver.cli.ExitCode;
import dev.quiver.cli.render.Renderer;
import dev.quiver.core.query.Column;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.QueryException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * smalisca's {@code sc}, {@code sp}, {@code scs} and {@code sm}: rows of one table whose column
 * {@code -c} matches {@code -p}, or every row without {@code -c}; {@code -c ?} lists the columns.
 * Every listed column can be searched (smalisca listed some it then refused), and so can any
 * column of the Quiver listing behind the table ({@code sc -c superclass -p Activity}).
 */
abstract class ColumnSearchCommand extends TableCommand {
    @Option(names = "-c", paramLabel = "COLUMN", description = "The column to search; ? lists them.")
    String column;

    @Option(names = "-p", paramLabel = "PATTERN",
            description = "Text the column contains, ignoring case (* and ? make a glob; _ and % are plain characters).")
    String pattern;

    /** The table this command searches. */
    abstract Table table();

    @Override
    protected void validate() {
        super.validate();
        if ("?".equals(column)) {
            return;
        }
        if (column != null && pattern == null) {
            throw usage("-c " + column + " needs -p PATTERN");
        }
        if (column == null && pattern != null) {
            throw usage("-p needs -c COLUMN ('" + spec.name() + " -c ?' lists them; 's -p PATTERN' searches every column)");
        }
    }

    @Override
    protected ExitCode execute(Index index, Deadline deadline) throws QueryException, IOException {
        Table t = table();
        if ("?".equals(column)) {
            return listColumns(t);
        }
        ListQuery q = ListQuery.of(t.listing());
        if (column != null) {
            q = filter(t, column, pattern, q);
        }
        return print(index, deadline, t, q);
    }

    /** {@code -c COLUMN -p PATTERN} as filters: a smalisca column, else a column of the Quiver listing. */
    ListQuery filter(Table t, String col, String p, ListQuery q) {
        Table.Col c = t.column(col);
        if (c != null) {
            try {
                return c.filter().apply(q, p);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        if (t == Table.CONST_STRINGS && col.equals("const_string_var")) {
            throw usage("Quiver does not record the register a const-string loads into (const_string_var); "
                    + "const_string_method names the method that loads the string");
        }
        try {
            t.listing().column(col);
        } catch (QueryException e) {
            throw usage("no column '" + col + "' in " + t.smaliscaName() + " (columns: " + t.names()
                    + "; or one of Quiver's " + t.listing().name() + " columns: " + quiverNames(t) + ")");
        }
        return q.where(col, Table.auto(p));
    }

    private static String quiverNames(Table t) {
        StringBuilder sb = new StringBuilder();
        for (Column c : t.listing().columns()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c.name());
        }
        return sb.toString();
    }

    /** {@code -c ?}: the columns, what each holds, and the Quiver columns that can be searched too. */
    private ExitCode listColumns(Table t) throws IOException {
        Renderer r = output.renderer(out());
        r.columns(List.of(Column.of("column", Column.Type.TEXT, "smalisca's column name"),
                Column.of("meaning", Column.Type.TEXT, "what it holds")));
        for (Table.Col c : t.columns()) {
            r.row(new Object[] {c.name(), c.help()});
        }
        r.finish();
        err().println("(-c also takes a column of Quiver's " + t.listing().name() + " listing: " + quiverNames(t) + ")");
        err().flush();
        return ExitCode.OK;
    }
}
