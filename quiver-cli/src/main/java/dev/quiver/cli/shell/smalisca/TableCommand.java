package dev.quiver.cli.shell.smalisca;

import dev.quiver.cli.ExitCode;
import dev.quiver.cli.query.QueryCommand;
import dev.quiver.cli.render.Cells;
import dev.quiver.cli.render.Format;
import dev.quiver.cli.render.Renderer;
import dev.quiver.core.query.Column;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.Rows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options smalisca's search commands share ({@code -s}, {@code --reverse}, {@code -r},
 * {@code --max-width}, {@code -x}) and the printing of their rows: the query's rows become
 * smalisca-named columns, sorted, cut to the range, printed by Quiver's renderers (an aligned
 * table on a terminal, tab-separated when piped, {@code --json}, {@code --csv}).
 *
 * <p>Sorting by a column the database holds as it is shown ({@code class_name}, {@code id}) is
 * done by the query; a column made from others ({@code class_package}, {@code dst_args}) is
 * sorted in memory, so those rows are held. Ties keep database order.
 */
abstract class TableCommand extends QueryCommand {
    @Option(names = "-s", paramLabel = "COLUMN", description = "Sort by this column (numbers as numbers).")
    String sortBy;

    @Option(names = "--reverse", description = "Reverse the order (without -s: by id, descending).")
    boolean reverse;

    @Option(names = "-r", paramLabel = "N|A,B",
            description = "Print rows 0..N-1, or A..B-1 (counted from 0, after sorting).")
    String range;

    @Option(names = "--max-width", paramLabel = "N", description = "Shorten values longer than N characters with ….")
    Integer maxWidth;

    @Option(names = "-x", paramLabel = "COL,...", split = ",", description = "Leave these columns out.")
    List<String> exclude = new ArrayList<>();

    @Override
    protected void validate() {
        if (maxWidth != null && maxWidth < 2) {
            throw usage("--max-width must be 2 or more");
        }
        page();
    }

    /** {@code -r}: offset and limit (0: no limit). */
    long[] page() {
        if (range == null) {
            return new long[] {0, 0};
        }
        String[] parts = range.split(",", -1);
        try {
            if (parts.length == 1) {
                long n = Long.parseLong(parts[0].strip());
                if (n < 1) {
                    throw usage("-r N needs N of 1 or more");
                }
                return new long[] {0, n};
            }
            if (parts.length == 2) {
                long a = Long.parseLong(parts[0].strip());
                long b = Long.parseLong(parts[1].strip());
                if (a < 0 || b <= a) {
                    throw usage("-r A,B needs 0 <= A < B (rows A to B-1, counted from 0)");
                }
                return new long[] {a, b - a};
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw usage("bad -r '" + range + "' (expected N for the first N rows, or A,B for rows A to B-1)");
    }

    /** The columns to print: {@code --columns}, else every column but {@code -x}'s. */
    List<Table.Col> visible(List<Table.Col> all, String tableName) {
        List<Table.Col> out = new ArrayList<>();
        for (String x : exclude) {
            find(all, x.strip(), tableName);
        }
        if (!output.columns().isEmpty()) {
            for (String name : output.columns()) {
                out.add(find(all, name.strip(), tableName));
            }
            return out;
        }
        for (Table.Col c : all) {
            if (!exclude.contains(c.name())) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            throw usage("-x leaves no column to print");
        }
        return out;
    }

    Table.Col find(List<Table.Col> all, String name, String tableName) {
        for (Table.Col c : all) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        List<String> names = new ArrayList<>();
        for (Table.Col c : all) {
            names.add(c.name());
        }
        throw usage("no column '" + name + "' in " + tableName + " (columns: " + String.join(", ", names) + ")");
    }

    /** Runs {@code q} (filters set) and prints its rows as {@code table}'s columns. */
    ExitCode print(Index index, Deadline deadline, Table table, ListQuery q) throws QueryException, IOException {
        List<Table.Col> shown = visible(table.columns(), table.smaliscaName());
        Table.Col sort = sortBy == null ? null : find(table.columns(), sortBy.strip(), table.smaliscaName());
        long[] page = page();
        q = q.withColumns(table.fetch());
        if (sort != null && sort.sortBy() == null) {
            List<Map<String, Object>> rows = new ArrayList<>();
            index.stream(q, deadline, new Rows.Sink() {
                @Override
                public void columns(List<Column> columns) {
                }

                @Override
                public boolean row(Object[] values) {
                    rows.add(named(table.fetch(), values));
                    return true;
                }
            });
            return printRows(shown, sortRows(rows, sort), page);
        }
        List<String> order = sort == null ? (reverse ? List.of("id:desc") : List.of())
                : List.of(sort.sortBy() + (reverse ? ":desc" : ""));
        q = q.withSort(order).withPage(page[1], page[0]);
        Renderer r = renderer(shown);
        index.stream(q, deadline, new Rows.Sink() {
            @Override
            public void columns(List<Column> columns) {
            }

            @Override
            public boolean row(Object[] values) throws IOException {
                return r.row(project(shown, named(table.fetch(), values)));
            }
        });
        r.finish();
        return done(r.rows());
    }

    /** Sorts rows in memory by {@code by} (stable: ties keep their order), then applies --reverse. */
    List<Map<String, Object>> sortRows(List<Map<String, Object>> rows, Table.Col by) {
        Comparator<Map<String, Object>> c = Comparator.comparing(m -> by.value().apply(m), TableCommand::compareValues);
        rows.sort(reverse ? c.reversed() : c);
        return rows;
    }

    /** Prints held rows, sorted already, cut to {@code page}. */
    ExitCode printRows(List<Table.Col> shown, List<Map<String, Object>> rows, long[] page) throws IOException {
        Renderer r = renderer(shown);
        long from = Math.min(page[0], rows.size());
        long to = page[1] > 0 ? Math.min(rows.size(), from + page[1]) : rows.size();
        for (long i = from; i < to; i++) {
            if (!r.row(project(shown, rows.get((int) i)))) {
                break;
            }
        }
        r.finish();
        return done(r.rows());
    }

    Renderer renderer(List<Table.Col> shown) throws IOException {
        Renderer r = output.renderer(out());
        List<Column> cols = new ArrayList<>();
        for (Table.Col c : shown) {
            cols.add(c.column());
        }
        r.columns(cols);
        return r;
    }

    /** smalisca said "No results! :(" on stdout; Quiver says it on stderr, so piped output stays rows. */
    ExitCode done(long rows) {
        if (rows == 0) {
            err().println("No results.");
            err().flush();
            return ExitCode.NO_MATCH;
        }
        return ExitCode.OK;
    }

    Object[] project(List<Table.Col> shown, Map<String, Object> row) {
        Object[] v = new Object[shown.size()];
        boolean table = output.format() == Format.TABLE;
        for (int i = 0; i < v.length; i++) {
            Object x = shown.get(i).value().apply(row);
            if (table && maxWidth != null && x instanceof String s) {
                x = Cells.shorten(s, maxWidth);
            }
            v[i] = x;
        }
        return v;
    }

    static Map<String, Object> named(List<String> names, Object[] values) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), values[i]);
        }
        return m;
    }

    /** Nulls first, numbers as numbers, text as text. */
    static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        return a.toString().compareTo(b.toString());
    }
}
