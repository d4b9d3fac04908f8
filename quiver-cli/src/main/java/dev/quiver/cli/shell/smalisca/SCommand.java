package dev.quiver.cli.shell.smalisca;

import dev.quiver.cli.ExitCode;
import dev.quiver.cli.render.Renderer;
import dev.quiver.core.query.Column;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.Rows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * smalisca's {@code s}: one pattern searched in every column of classes, properties, const strings
 * and methods (a row matching in several columns is listed once), printed table by table.
 */
@Command(name = "s", mixinStandardHelpOptions = true,
        description = {"Search everywhere. smalisca's s: classes, properties, const strings and methods with a column "
                + "containing -p, ignoring case (-t: one table only), each table under its own heading."},
        footerHeading = "%nExamples:%n",
        footer = {"  s -p decrypt", "  s -t const -p container="})
final class SCommand extends dev.quiver.cli.query.QueryCommand {
    /** smalisca's {@code -t} names, their tables and the columns searched. */
    private static final Map<String, Table> TABLES = new java.util.LinkedHashMap<>();
    private static final Map<Table, List<String>> SEARCHED = Map.of(
            Table.CLASSES, List.of("class_name", "class_package", "class_type", "path"),
            Table.PROPERTIES, List.of("property_name", "property_type", "property_info", "property_class"),
            Table.CONST_STRINGS, List.of("const_string_value", "const_string_class", "const_string_method"),
            Table.METHODS, List.of("method_name", "method_type", "method_args", "method_ret", "method_class"));
    private static final Map<Table, String> HEADINGS = Map.of(Table.CLASSES, "Classes", Table.PROPERTIES, "Properties",
            Table.CONST_STRINGS, "Const strings", Table.METHODS, "Methods");

    static {
        TABLES.put("class", Table.CLASSES);
        TABLES.put("property", Table.PROPERTIES);
        TABLES.put("const", Table.CONST_STRINGS);
        TABLES.put("method", Table.METHODS);
    }

    @Option(names = "-p", paramLabel = "PATTERN", required = true,
            description = "Text a column contains, ignoring case (* and ? make a glob).")
    String pattern;

    @Option(names = "-t", paramLabel = "TABLE", completionCandidates = TableNames.class,
            description = "Only this table: class, property, const or method.")
    String table;

    /** The values of {@code -t}, for completion. */
    static final class TableNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        TableNames() {
            super(TABLES.keySet());
        }
    }

    @Override
    protected void validate() {
        if (table != null && !TABLES.containsKey(table)) {
            throw usage("-t takes class, property, const or method, not '" + table + "'");
        }
        if (pattern.isEmpty()) {
            throw usage("-p needs a non-empty pattern");
        }
    }

    @Override
    protected ExitCode execute(Index index, Deadline deadline) throws QueryException, IOException {
        long total = 0;
        for (Map.Entry<String, Table> e : TABLES.entrySet()) {
            if (table != null && !table.equals(e.getKey())) {
                continue;
            }
            Table t = e.getValue();
            TreeMap<Long, Map<String, Object>> found = new TreeMap<>();
            for (String col : SEARCHED.get(t)) {
                Table.Col c = t.column(col);
                if (c.keywords() && !pattern.matches("!?[A-Za-z-]+")) {
                    continue; // flags are keywords: a pattern that is no keyword cannot be one
                }
                ListQuery q = c.filter().apply(ListQuery.of(t.listing()), pattern).withColumns(t.fetch());
                index.stream(q, deadline, new Rows.Sink() {
                    @Override
                    public void columns(List<Column> columns) {
                    }

                    @Override
                    public boolean row(Object[] values) {
                        found.put((Long) values[0], TableCommand.named(t.fetch(), values));
                        return true;
                    }
                });
            }
            String heading = "- " + HEADINGS.get(t) + ": " + found.size() + " ";
            out().println(heading + "-".repeat(Math.max(3, 80 - heading.length())));
            if (!found.isEmpty()) {
                Renderer r = output.renderer(out());
                List<Column> cols = new ArrayList<>();
                for (Table.Col c : t.columns()) {
                    cols.add(c.column());
                }
                r.columns(cols);
                for (Map<String, Object> row : found.values()) {
                    Object[] v = new Object[t.columns().size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = t.columns().get(i).value().apply(row);
                    }
                    r.row(v);
                }
                r.finish();
            }
            total += found.size();
        }
        out().flush();
        return total > 0 ? ExitCode.OK : ExitCode.NO_MATCH;
    }
}
