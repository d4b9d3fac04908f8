package dev.quiver.core.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/**
 * The one JSON shape of an answer row, shared by {@code --json} (JSON Lines) and the REST API: an
 * object whose keys are the column names in column order, with strings, numbers, booleans, nulls,
 * or arrays of strings (a chain) as values. Identities appear in their canonical text form.
 */
public final class RowJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private RowJson() {
    }

    /** Writes one row as a JSON object. */
    public static void write(JsonGenerator g, List<Column> columns, Object[] values) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
            g.writeFieldName(columns.get(i).name());
            writeValue(g, values[i]);
        }
        g.writeEndObject();
    }

    /** Writes one value: String, Long/Integer, Boolean, Double, a List or Map of values, or null. */
    public static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer n) {
            g.writeNumber(n);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof java.util.Map<?, ?> map) {
            g.writeStartObject();
            for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    /** One row as a JSON text (no line break). */
    public static String toString(List<Column> columns, Object[] values) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = generator(w)) {
            write(g, columns, values);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    /** A generator that leaves the writer open. */
    public static JsonGenerator generator(Writer w) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(w);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }
}
