package dev.quiver.core.query;

import dev.quiver.core.store.JsonIndexReader;
import dev.quiver.core.store.Schema;
import dev.quiver.core.store.SqliteIndexWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * Read access to an index: a Quiver SQLite database, or a JSON index (loaded into a temporary
 * database first). Front ends ask their questions here; none of them builds SQL.
 */
public final class IndexDatabase implements AutoCloseable {
    private final Connection conn;
    private final Path temporary;

    private IndexDatabase(Connection conn, Path temporary) {
        this.conn = conn;
        this.temporary = temporary;
    }

    /** Opens {@code file} read-only; a missing file is an error, never silently created. */
    public static IndexDatabase open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such index (run 'quiver parse' first)");
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not an index");
        }
        Path db = file;
        Path temporary = null;
        if (JsonIndexReader.looksLikeJson(file)) {
            temporary = Files.createTempFile("quiver-json-", ".db");
            try (SqliteIndexWriter w = new SqliteIndexWriter(temporary, false)) {
                // Decoding is about half of the work; the single writer sets the pace beyond a few threads.
                JsonIndexReader.replay(file, w, Math.min(4, Runtime.getRuntime().availableProcessors()));
                w.commit();
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            db = temporary;
        }
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            Connection conn = config.createConnection("jdbc:sqlite:" + db);
            try {
                Schema.check(conn, file.toString());
            } catch (SQLException e) {
                conn.close();
                throw e;
            }
            return new IndexDatabase(conn, temporary);
        } catch (SQLException e) {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("SQLITE_NOTADB") || msg.contains("not a database")) {
                throw new IOException(file + " is neither a Quiver database nor a Quiver JSON index", e);
            }
            throw new IOException(msg, e);
        }
    }

    /** Row counts of every table in {@link Schema#COUNTED_TABLES}, in that order. */
    public Map<String, Long> counts() throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement st = conn.createStatement()) {
            for (String t : Schema.COUNTED_TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot read counts: " + e.getMessage(), e);
        }
        return out;
    }

    /** One indexed input with the number of its source files and classes. */
    public record InputInfo(long id, String path, String kind, long sources, long classes, long problems) {
    }

    public List<InputInfo> inputs() throws IOException {
        List<InputInfo> out = new ArrayList<>();
        String sql = "SELECT i.id, i.path, i.kind,"
                + " (SELECT count(*) FROM sources s WHERE s.input_id = i.id),"
                + " (SELECT count(*) FROM classes c WHERE c.input_id = i.id),"
                + " (SELECT count(*) FROM problems p WHERE p.input_id = i.id)"
                + " FROM inputs i ORDER BY i.id";
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new InputInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)));
            }
        } catch (SQLException e) {
            throw new IOException("cannot read inputs: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
