package dev.quiver.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The database schema (see docs/SCHEMA.md) and its version. */
public final class Schema {
    /** Bumped on every incompatible change; stored in {@code meta.schema_version}. */
    public static final int VERSION = 2;

    /** Tables whose row counts {@code quiver stats} reports, in display order. */
    public static final List<String> COUNTED_TABLES = List.of(
            "inputs", "sources", "classes", "interfaces", "annotations", "methods", "fields", "calls", "strings",
            "field_refs", "type_refs", "method_ids", "field_ids", "problems", "manifests", "permissions", "components",
            "intent_filters");

    private Schema() {
    }

    static void create(Connection conn) throws SQLException {
        run(conn, "schema.sql");
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("INSERT INTO meta (key, value) VALUES ('schema_version', '" + VERSION + "')");
            st.executeUpdate("INSERT INTO meta (key, value) VALUES ('generator', 'quiver')");
        }
    }

    /** Creates the tables named (no views, no meta rows): the schema of a shard file. */
    static void createTables(Connection conn, java.util.Collection<String> tables) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String sql : statements("schema.sql")) {
                String t = tableOf(sql);
                if (sql.startsWith("CREATE TABLE") && tables.contains(t)) {
                    st.executeUpdate(sql);
                }
            }
        }
    }

    /** Creates the indexes (see indexes.sql) of the tables accepted by {@code tables}. */
    static void createIndexes(Connection conn, java.util.function.Predicate<String> tables) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String sql : statements("indexes.sql")) {
                if (tables.test(tableOf(sql))) {
                    st.executeUpdate(sql);
                }
            }
        }
    }

    /** The table a CREATE TABLE or CREATE INDEX statement is about. */
    static String tableOf(String sql) {
        String s = sql.replaceAll("\\s+", " ");
        int at;
        if (s.startsWith("CREATE TABLE ")) {
            at = "CREATE TABLE ".length();
        } else if ((at = s.indexOf(" ON ")) >= 0) {
            at += 4;
        } else {
            return "";
        }
        int end = at;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
            end++;
        }
        return s.substring(at, end);
    }

    /** Throws a clear error unless {@code conn} is a Quiver database of this schema version. */
    public static void check(Connection conn, String what) throws SQLException {
        int version;
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
            if (!rs.next()) {
                throw new SQLException(what + " is not a Quiver database (no schema version)");
            }
            version = Integer.parseInt(rs.getString(1));
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                throw new SQLException(what + " is not a Quiver database (no meta table)", e);
            }
            throw e;
        }
        if (version != VERSION) {
            throw new SQLException(what + " has schema version " + version + "; this Quiver reads version "
                    + VERSION + ": build it again with " + reparse(conn, what));
        }
    }

    /**
     * The command that rebuilds a database of another version from its own inputs (the upgrade path: every
     * version has an {@code inputs} table with the paths), or a general hint when they cannot be read.
     */
    private static String reparse(Connection conn, String what) {
        StringBuilder sb = new StringBuilder("'quiver parse");
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT path FROM inputs ORDER BY id")) {
            int n = 0;
            while (rs.next()) {
                if (++n > 20) {
                    return "'quiver parse' on its inputs (more than 20; see: sqlite3 " + what + " 'SELECT path FROM inputs')";
                }
                sb.append(' ').append(shellQuote(rs.getString(1)));
            }
            if (n == 0) {
                return "'quiver parse'";
            }
        } catch (SQLException e) {
            return "'quiver parse'";
        }
        return sb.append(" -o ").append(shellQuote(what)).append('\'').toString();
    }

    private static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./@%+=:,-]+") ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("$", "\\$").replace("`", "\\`") + "\"";
    }

    private static void run(Connection conn, String resource) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String sql : statements(resource)) {
                st.executeUpdate(sql);
            }
        }
    }

    static List<String> statements(String resource) {
        String text;
        try (InputStream in = Schema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the quiver-core jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.strip().equals(";")) {
                if (!cur.toString().isBlank()) {
                    out.add(cur.toString().strip());
                }
                cur.setLength(0);
            } else if (!line.strip().startsWith("--")) {
                cur.append(line).append('\n');
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
