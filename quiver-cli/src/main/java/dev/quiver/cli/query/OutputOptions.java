package dev.quiver.cli.query;

import dev.quiver.cli.render.Format;
import dev.quiver.cli.render.Renderer;
import dev.quiver.cli.terminal.Terminal;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How a query command prints its rows: the options every query command shares. */
public final class OutputOptions {
    @Option(names = "--json", description = "JSON Lines: one object per row, full values.")
    boolean json;

    @Option(names = "--csv", description = "CSV with a header line.")
    boolean csv;

    @Option(names = "--table", description = "An aligned table even when the output is not a terminal "
            + "(default: a table on a terminal, tab-separated values when piped).")
    boolean table;

    @Option(names = "--columns", paramLabel = "COL,...", split = ",",
            description = "Columns to print, in this order (see the command's help for their names).")
    List<String> columns = new ArrayList<>();

    /** The columns asked for with {@code --columns}, in order (empty: the command's default). */
    public List<String> columns() {
        return columns;
    }

    /** Checks the options fit together. */
    void validate() throws picocli.CommandLine.ParameterException {
    }

    /** The format asked for, or the default for where the output goes. */
    public Format format() {
        if (json) {
            return Format.JSON;
        }
        if (csv) {
            return Format.CSV;
        }
        if (table || Terminal.stdoutIsTerminal()) {
            return Format.TABLE;
        }
        return Format.TSV;
    }

    /** A renderer writing to {@code out}. */
    public Renderer renderer(PrintWriter out) {
        Format f = format();
        int width = f == Format.TABLE && Terminal.stdoutIsTerminal() ? Terminal.width(System.getenv()) : 0;
        return Renderer.of(f, out, width);
    }

    int formats() {
        return (json ? 1 : 0) + (csv ? 1 : 0) + (table ? 1 : 0);
    }
}
