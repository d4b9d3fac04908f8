package dev.quiver.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Buffers rows of one table and writes them with multi-row {@code INSERT … VALUES (…),(…)}
 * statements: one statement execution per {@link #rowsPerStatement} rows instead of one per row.
 */
final class BatchInsert implements AutoCloseable {
    private final Connection conn;
    private final String table;
    private final String columnList;
    private final int columns;
    private final int rowsPerStatement;
    private final Object[] buffer;
    private int rows;
    private PreparedStatement full;
    private long written;

    BatchInsert(Connection conn, String table, String... columns) {
        this.conn = conn;
        this.table = table;
        this.columnList = String.join(", ", columns);
        this.columns = columns.length;
        // SQLite allows 32766 bound parameters per statement; stay well below.
        this.rowsPerStatement = Math.max(1, Math.min(500, 16000 / columns.length));
        this.buffer = new Object[rowsPerStatement * columns.length];
    }

    /** Adds one row; values are Long, Integer, String or null, in column order. */
    void add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException(table + ": expected " + columns + " values, got " + values.length);
        }
        System.arraycopy(values, 0, buffer, rows * columns, columns);
        if (++rows == rowsPerStatement) {
            if (full == null) {
                full = conn.prepareStatement(sql(rowsPerStatement));
            }
            bindAndRun(full, rows);
        }
    }

    /** Writes the rows still buffered. */
    void flush() throws SQLException {
        if (rows == 0) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement(sql(rows))) {
            bindAndRun(ps, rows);
        }
    }

    long written() {
        return written;
    }

    private void bindAndRun(PreparedStatement ps, int n) throws SQLException {
        int total = n * columns;
        for (int i = 0; i < total; i++) {
            Object v = buffer[i];
            int p = i + 1;
            if (v == null) {
                ps.setNull(p, Types.NULL);
            } else if (v instanceof String s) {
                ps.setString(p, s);
            } else if (v instanceof Long l) {
                ps.setLong(p, l);
            } else if (v instanceof Integer x) {
                ps.setInt(p, x);
            } else {
                throw new IllegalArgumentException(table + ": unsupported value type " + v.getClass());
            }
            buffer[i] = null;
        }
        ps.executeUpdate();
        written += n;
        rows = 0;
    }

    private String sql(int n) {
        StringBuilder row = new StringBuilder("(");
        for (int c = 0; c < columns; c++) {
            row.append(c == 0 ? "?" : ",?");
        }
        row.append(')');
        StringBuilder sb = new StringBuilder(32 + n * (row.length() + 1));
        sb.append("INSERT INTO ").append(table).append(" (").append(columnList).append(") VALUES ");
        for (int r = 0; r < n; r++) {
            if (r > 0) {
                sb.append(',');
            }
            sb.append(row);
        }
        return sb.toString();
    }

    @Override
    public void close() throws SQLException {
        if (full != null) {
            full.close();
        }
    }
}
