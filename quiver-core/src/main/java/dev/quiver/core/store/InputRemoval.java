package dev.quiver.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * Deletes inputs from a database: every row that belongs to them, in every table (classes and what they
 * define, instructions, sources, problems, the manifest tables, the inputs row). Used by {@code --append}
 * when an input is parsed again (its old rows are replaced) and by {@code quiver remove}.
 *
 * <p>Method and field identities ({@code method_ids}, {@code field_ids}) are shared between inputs; after a
 * removal, those that no remaining call, field access or definition uses are deleted too
 * ({@link #collectOrphans}), so a database after {@code remove} holds what a fresh parse of the remaining
 * inputs holds (ids aside).
 */
public final class InputRemoval {
    /** Statements deleting one input's rows, children before parents; {@code ?} is the input id. */
    private static final String[] DELETES = {
        "DELETE FROM calls WHERE method_id IN (SELECT m.id FROM methods m JOIN classes c ON c.id = m.class_id"
            + " WHERE c.input_id = ?)",
        "DELETE FROM strings WHERE method_id IN (SELECT m.id FROM methods m JOIN classes c ON c.id = m.class_id"
            + " WHERE c.input_id = ?)",
        "DELETE FROM field_refs WHERE method_id IN (SELECT m.id FROM methods m JOIN classes c ON c.id = m.class_id"
            + " WHERE c.input_id = ?)",
        "DELETE FROM type_refs WHERE method_id IN (SELECT m.id FROM methods m JOIN classes c ON c.id = m.class_id"
            + " WHERE c.input_id = ?)",
        "DELETE FROM methods WHERE class_id IN (SELECT id FROM classes WHERE input_id = ?)",
        "DELETE FROM fields WHERE class_id IN (SELECT id FROM classes WHERE input_id = ?)",
        "DELETE FROM interfaces WHERE class_id IN (SELECT id FROM classes WHERE input_id = ?)",
        "DELETE FROM annotations WHERE class_id IN (SELECT id FROM classes WHERE input_id = ?)",
        "DELETE FROM classes WHERE input_id = ?",
        "DELETE FROM problems WHERE input_id = ?",
        "DELETE FROM sources WHERE input_id = ?",
        "DELETE FROM intent_filter_items WHERE filter_id IN (SELECT f.id FROM intent_filters f"
            + " JOIN components c ON c.id = f.component_id WHERE c.input_id = ?)",
        "DELETE FROM intent_filters WHERE component_id IN (SELECT id FROM components WHERE input_id = ?)",
        "DELETE FROM components WHERE input_id = ?",
        "DELETE FROM permissions WHERE input_id = ?",
        "DELETE FROM manifests WHERE input_id = ?",
        "DELETE FROM inputs WHERE id = ?",
    };

    private InputRemoval() {
    }

    /** Deletes every row of input {@code inputId} (in the connection's current transaction). */
    static void delete(Connection conn, long inputId) throws SQLException {
        for (String sql : DELETES) {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setLong(1, inputId);
                ps.executeUpdate();
            }
        }
    }

    /** Deletes method and field identities nothing refers to any more. */
    static void collectOrphans(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("DELETE FROM method_ids WHERE NOT EXISTS (SELECT 1 FROM calls k WHERE k.target_id = method_ids.id)"
                    + " AND NOT EXISTS (SELECT 1 FROM methods m WHERE m.sig_id = method_ids.id)");
            st.executeUpdate("DELETE FROM field_ids WHERE NOT EXISTS (SELECT 1 FROM field_refs r WHERE r.target_id = field_ids.id)"
                    + " AND NOT EXISTS (SELECT 1 FROM fields f WHERE f.sig_id = field_ids.id)");
        }
    }

    /**
     * Removes inputs {@code ids} from the database {@code db}: the work is done on a copy that replaces
     * {@code db} only when complete (an interrupted removal leaves {@code db} as it was).
     */
    public static void remove(Path db, Collection<Long> ids) throws IOException {
        try (AtomicOutput out = new AtomicOutput(db, true)) {
            try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + out.temp())) {
                Schema.check(conn, db.toString());
                try (Statement st = conn.createStatement()) {
                    st.execute("PRAGMA journal_mode = OFF");
                    st.execute("PRAGMA synchronous = OFF");
                }
                conn.setAutoCommit(false);
                for (long id : ids) {
                    delete(conn, id);
                }
                collectOrphans(conn);
                conn.commit();
            } catch (SQLException e) {
                throw new IOException("cannot remove from " + db + ": " + e.getMessage(), e);
            }
            out.commit();
        }
    }
}
