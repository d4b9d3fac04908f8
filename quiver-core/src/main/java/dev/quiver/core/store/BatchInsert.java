package dev.quiver.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Buffers rows of one table and writes them with multi-row {@code INSERT … VALUES (…),(…)}
 * statements on the table's {@link Shard}: one statement execution per {@link #rowsPerStatement}
 * rows instead of one per row. Rows are added on the sink's thread; a full buffer is handed to the
 * shard, which binds and executes it (on its own thread when it has one).
 */
final class BatchInsert {
    private Shard shard;
    private boolean used;
    private final String table;
    private final String columnList;
    private final int columns;
    private final int rowsPerStatement;
    private Object[] buffer;
    private int rows;
    /** Index of the column that may hold unpaired surrogates ({@link #exactText}), or -1. */
    private int exactTextColumn = -1;
    /** Touched only by the shard's thread. */
    private PreparedStatement full;

    BatchInsert(Shard shard, String table, String... columns) {
        this.shard = shard;
        this.table = table;
        this.columnList = String.join(", ", columns);
        this.columns = columns.length;
        // SQLite allows 32766 bound parameters per statement; stay well below.
        this.rowsPerStatement = Math.max(1, Math.min(500, 16000 / columns.length));
        this.buffer = new Object[rowsPerStatement * columns.length];
    }

    String table() {
        return table;
    }

    /**
     * Declares a column whose strings must be stored exactly, unpaired surrogates included: such a
     * value is bound as its {@link Wtf8} bytes and cast to TEXT, so it stays a TEXT value.
     */
    BatchInsert exactText(String column) {
        String[] cols = columnList.split(", ");
        for (int i = 0; i < cols.length; i++) {
            if (cols[i].equals(column)) {
                exactTextColumn = i;
                return this;
            }
        }
        throw new IllegalArgumentException(table + " has no column " + column);
    }

    /** Whether any row was ever added. */
    boolean used() {
        return used;
    }

    /** Moves an unused table to another shard. */
    void moveTo(Shard other) {
        if (used) {
            throw new IllegalStateException(table + " already has rows on its shard");
        }
        this.shard = other;
    }

    /** Adds one row; values are Long, Integer, String or null, in column order. */
    void add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException(table + ": expected " + columns + " values, got " + values.length);
        }
        used = true;
        System.arraycopy(values, 0, buffer, rows * columns, columns);
        if (++rows == rowsPerStatement) {
            Object[] batch = buffer;
            buffer = new Object[buffer.length];
            rows = 0;
            shard.run(conn -> {
                if (full == null) {
                    full = conn.prepareStatement(sql(rowsPerStatement));
                }
                bindAndRun(full, batch, rowsPerStatement);
            });
        }
    }

    /** Hands the rows still buffered to the shard, and closes the statement there afterwards. */
    void flush() throws SQLException {
        Object[] batch = buffer;
        int n = rows;
        rows = 0;
        shard.run(conn -> {
            if (n > 0) {
                try (PreparedStatement ps = conn.prepareStatement(sql(n))) {
                    bindAndRun(ps, batch, n);
                }
            }
            if (full != null) {
                full.close();
                full = null;
            }
        });
    }

    private void bindAndRun(PreparedStatement ps, Object[] batch, int n) throws SQLException {
        int total = n * columns;
        for (int i = 0; i < total; i++) {
            Object v = batch[i];
            int p = i + 1;
            if (v == null) {
                ps.setNull(p, Types.NULL);
            } else if (v instanceof String s) {
                if (i % columns == exactTextColumn && Wtf8.hasUnpairedSurrogate(s)) {
                    ps.setBytes(p, Wtf8.encode(s));
                } else {
                    ps.setString(p, s);
                }
            } else if (v instanceof Long l) {
                ps.setLong(p, l);
            } else if (v instanceof Integer x) {
                ps.setInt(p, x);
            } else {
                throw new IllegalArgumentException(table + ": unsupported value type " + v.getClass());
            }
        }
        ps.executeUpdate();
    }

    private String sql(int n) {
        StringBuilder row = new StringBuilder("(");
        for (int c = 0; c < columns; c++) {
            row.append(c == 0 ? "" : ",").append(c == exactTextColumn ? "CAST(? AS TEXT)" : "?");
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

}
