package dev.quiver.cli.render;

import dev.quiver.core.query.Column;
import java.io.PrintWriter;

/** CSV (RFC 4180) with a header line; lists (chains) are joined by {@code " | "}. */
final class CsvRenderer extends Renderer {
    CsvRenderer(PrintWriter out) {
        super(out);
    }

    @Override
    protected void begin() {
        StringBuilder sb = new StringBuilder();
        for (Column c : columns) {
            sb.append(sb.length() == 0 ? "" : ",").append(quote(c.name()));
        }
        out.print(sb);
        out.print("\r\n");
    }

    @Override
    protected void write(Object[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(quote(Cells.text(values[i], " | ")));
        }
        out.print(sb);
        out.print("\r\n");
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
