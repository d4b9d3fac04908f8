package dev.quiver.cli.render;

import dev.quiver.core.query.Column;
import dev.quiver.core.query.Rows;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints answer rows in one {@link Format}. A renderer is a {@link Rows.Sink}: rows stream through
 * it, so a listing of millions of rows needs no memory for them (a table holds only its first
 * rows, to size its columns). It stops asking for rows when the output is closed ({@code | head}).
 */
public abstract class Renderer implements Rows.Sink {
    protected final PrintWriter out;
    protected List<Column> columns;
    private long rows;

    protected Renderer(PrintWriter out) {
        this.out = out;
    }

    /** A renderer for {@code format}; {@code width} is the terminal width (tables only, 0 = no limit). */
    public static Renderer of(Format format, PrintWriter out, int width) {
        return switch (format) {
            case TABLE -> new TableRenderer(out, width);
            case TSV -> new TsvRenderer(out);
            case JSON -> new JsonRenderer(out);
            case CSV -> new CsvRenderer(out);
        };
    }

    @Override
    public void columns(List<Column> cols) throws IOException {
        this.columns = cols;
        begin();
    }

    @Override
    public boolean row(Object[] values) throws IOException {
        rows++;
        write(values);
        return !out.checkError();
    }

    /** Rows received so far. */
    public long rows() {
        return rows;
    }

    /** Called after the last row; prints what is still held and flushes. */
    public void finish() {
        end();
        out.flush();
    }

    protected void begin() {
    }

    protected abstract void write(Object[] values);

    protected void end() {
    }
}
