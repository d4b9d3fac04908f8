package dev.quiver.core.query;

import java.util.List;

/**
 * A page of answer rows: the columns, then each row's values in column order (String, Long,
 * Boolean or null). {@code more} says whether rows beyond the page exist; {@code total} is the
 * number of rows the whole question has, or -1 when it was not counted.
 */
public record Rows(List<Column> columns, List<Object[]> rows, long offset, boolean more, long total) {
    public Rows {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The value of column {@code name} in row {@code i}. */
    public Object value(int i, String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return rows.get(i)[c];
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    /** Receives rows one at a time, for answers too big to hold (a full {@code calls} listing). */
    public interface Sink {
        /** Called once, before any row. */
        void columns(List<Column> columns) throws java.io.IOException;

        /** One row's values in column order; return false to stop early. */
        boolean row(Object[] values) throws java.io.IOException;
    }
}
