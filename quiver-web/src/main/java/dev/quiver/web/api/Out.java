package dev.quiver.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.quiver.core.query.Column;
import dev.quiver.core.query.RowJson;
import dev.quiver.core.query.Rows;
import java.io.IOException;
import java.util.List;

/** JSON pieces every endpoint writes the same way: rows as {@link RowJson} objects, column lists. */
final class Out {
    private Out() {
    }

    /** {@code "name": [row, row, …]}, each row exactly as {@link RowJson} writes it. */
    static void rows(JsonGenerator g, String name, Rows rows) throws IOException {
        g.writeArrayFieldStart(name);
        for (Object[] r : rows.rows()) {
            RowJson.write(g, rows.columns(), r);
        }
        g.writeEndArray();
    }

    /** {@code "columns": ["a", "b", …]}. */
    static void columns(JsonGenerator g, List<Column> columns) throws IOException {
        g.writeArrayFieldStart("columns");
        for (Column c : columns) {
            g.writeString(c.name());
        }
        g.writeEndArray();
    }

    /** A page: rows, offset, limit and whether more rows follow. */
    static void page(JsonGenerator g, Rows rows, long limit) throws IOException {
        columns(g, rows.columns());
        rows(g, "rows", rows);
        g.writeNumberField("offset", rows.offset());
        g.writeNumberField("limit", limit);
        g.writeBooleanField("more", rows.more());
    }

    /** {@code "name": ["a", "b"]}. */
    static void strings(JsonGenerator g, String name, java.util.Collection<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
