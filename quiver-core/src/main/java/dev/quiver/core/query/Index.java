package dev.quiver.core.query;

import dev.quiver.core.store.IndexFiles;
import dev.quiver.core.store.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.sqlite.Function;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A read-only handle on one index: the door through which every front end (CLI, shell, web)
 * asks its questions. None of them builds SQL.
 *
 * <p>Thread-safe: each question borrows a read-only SQLite connection from a small pool (a
 * connection, its statements and result sets are used by one thread at a time), so a web server
 * can ask from many threads at once. Every question runs under a {@link Deadline}.
 */
public final class Index implements AutoCloseable {
    /** Connections kept open for reuse; more threads than this wait for one. */
    private static final int MAX_CONNECTIONS = 8;

    private final Path file;
    private final Path database;
    private final Path temporary;
    private final LinkedBlockingDeque<Conn> idle = new LinkedBlockingDeque<>();
    private final List<Conn> all = new ArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final Map<String, Object> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private Index(Path file, Path database, Path temporary) {
        this.file = file;
        this.database = database;
        this.temporary = temporary;
    }

    /**
     * Opens {@code file} (a Quiver database, or a JSON index loaded into a temporary database)
     * read-only, and checks its schema version.
     */
    public static Index open(Path file) throws QueryException {
        IndexFiles.Opened opened;
        try {
            opened = IndexFiles.prepare(file);
        } catch (NoSuchFileException e) {
            throw new QueryException(QueryException.Kind.BAD_INDEX, "no index at " + file
                    + " (create one with 'quiver parse APP -o " + file + "', or give another with --db)");
        } catch (IOException e) {
            throw new QueryException(QueryException.Kind.BAD_INDEX, "cannot read " + file + ": " + e.getMessage(), e);
        }
        Index index = new Index(file, opened.database(), opened.temporary());
        try {
            Conn c = index.connect();
            index.idle.add(c);
        } catch (QueryException e) {
            index.close();
            throw e;
        }
        return index;
    }

    /** The file this index was opened from. */
    public Path file() {
        return file;
    }

    /** One pooled connection and what the query running on it needs. */
    static final class Conn {
        final Connection connection;
        List<Predicate<String>> slots = List.of();
        Deadline deadline;

        Conn(Connection connection) {
            this.connection = connection;
        }
    }

    private Conn connect() throws QueryException {
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setOpenMode(SQLiteOpenMode.READONLY);
            config.setOpenMode(SQLiteOpenMode.NOMUTEX);
            config.setSharedCache(false);
            Connection c = config.createConnection("jdbc:sqlite:" + database);
            try {
                Schema.check(c, file.toString());
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA query_only = 1");
                    st.execute("PRAGMA temp_store = MEMORY");
                    st.execute("PRAGMA cache_size = -32768");
                    st.execute("PRAGMA mmap_size = 1073741824");
                }
                Conn conn = new Conn(c);
                register(conn);
                synchronized (all) {
                    all.add(conn);
                }
                opened.incrementAndGet();
                return conn;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("SQLITE_NOTADB") || msg.contains("not a database")) {
                throw new QueryException(QueryException.Kind.BAD_INDEX,
                        file + " is neither a Quiver database nor a Quiver JSON index", e);
            }
            if (msg.contains("Quiver")) {
                throw new QueryException(QueryException.Kind.BAD_INDEX, msg.replaceFirst("^\\[[^]]*]\\s*", ""), e);
            }
            throw new QueryException(QueryException.Kind.BAD_INDEX, "cannot open " + file + ": " + msg, e);
        }
    }

    /** The {@code q_match} function and the deadline check, bound to one connection. */
    private static void register(Conn conn) throws SQLException {
        Function.create(conn.connection, "q_match", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                if (value_type(1) == 5 /* SQLITE_NULL */) {
                    result(0);
                    return;
                }
                int slot = value_int(0);
                String v = value_text(1);
                try {
                    result(conn.slots.get(slot).test(v) ? 1 : 0);
                } catch (Deadline.Exceeded e) {
                    error("deadline");
                }
            }
        }, 2, Function.FLAG_DETERMINISTIC);
        ProgressHandler.setHandler(conn.connection, 20_000, new ProgressHandler() {
            @Override
            protected int progress() {
                Deadline d = conn.deadline;
                return d != null && d.expired() ? 1 : 0;
            }
        });
    }

    /** Work on a borrowed connection. */
    interface Work<T> {
        T run(Conn conn) throws SQLException, QueryException;
    }

    /** Borrows a connection, runs {@code work} under {@code deadline}, returns the connection. */
    <T> T with(Deadline deadline, Work<T> work) throws QueryException {
        if (closed) {
            throw new QueryException(QueryException.Kind.BAD_INDEX, "the index is closed");
        }
        Conn conn = idle.pollFirst();
        if (conn == null) {
            if (opened.get() < MAX_CONNECTIONS) {
                conn = connect();
            } else {
                try {
                    conn = idle.takeFirst();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new QueryException(QueryException.Kind.TIMEOUT, "interrupted");
                }
            }
        }
        Deadline d = deadline != null ? deadline : Deadline.none();
        if (d.expired()) {
            idle.addFirst(conn);
            throw d.exception();
        }
        conn.deadline = d;
        final Conn c = conn;
        Deadline previous = Deadline.enter(d);
        try {
            return work.run(c);
        } catch (Deadline.Exceeded e) {
            throw e.toQueryException();
        } catch (SQLException e) {
            if (d.expired()) {
                throw d.exception();
            }
            throw translate(e);
        } finally {
            Deadline.leave(previous);
            c.slots = List.of();
            c.deadline = null;
            idle.addFirst(c);
        }
    }

    private QueryException translate(SQLException e) {
        String msg = String.valueOf(e.getMessage()).replaceFirst("^\\[SQLITE_[A-Z_]+]\\s*", "");
        if (msg.contains("readonly") || msg.contains("read-only") || msg.contains("query_only")) {
            return QueryException.badRequest("the index is opened read-only: statements that write are refused ("
                    + msg + ")");
        }
        return new QueryException(QueryException.Kind.BAD_REQUEST, msg, e);
    }

    /**
     * A value computed once per index (the index never changes while open). Each key has its own
     * lock: a slow value (the names the shell completes) never makes a question that needs
     * another one (the hierarchy) wait.
     */
    @SuppressWarnings("unchecked")
    <T> T cached(String key, CacheLoader<T> loader) throws QueryException {
        Object v = cache.get(key);
        if (v != null) {
            return (T) v;
        }
        Object lock = locks.computeIfAbsent(key, k -> new Object());
        synchronized (lock) {
            v = cache.get(key);
            if (v == null) {
                v = loader.load();
                cache.put(key, v);
            }
        }
        return (T) v;
    }

    interface CacheLoader<T> {
        T load() throws QueryException;
    }

    // ---- listings -------------------------------------------------------------------------------

    /** A page of rows (all of them when the query has no limit: mind the size). */
    public Rows list(ListQuery q, Deadline deadline) throws QueryException {
        List<Object[]> rows = new ArrayList<>();
        List<Column>[] cols = new List[1];
        long limit = q.limit();
        ListQuery probe = limit > 0 ? q.withPage(limit + 1, q.offset()) : q;
        stream(probe, deadline, new Rows.Sink() {
            @Override
            public void columns(List<Column> columns) {
                cols[0] = columns;
            }

            @Override
            public boolean row(Object[] values) {
                rows.add(values);
                return true;
            }
        });
        boolean more = limit > 0 && rows.size() > limit;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        return new Rows(cols[0], rows, q.offset(), more, -1);
    }

    /** Streams every row of the answer to {@code sink}; returns how many were delivered. */
    public long stream(ListQuery q, Deadline deadline, Rows.Sink sink) throws QueryException {
        ListingSql built = ListingSql.build(this, q, deadline);
        try {
            sink.columns(built.columns());
        } catch (IOException e) {
            throw new QueryException(QueryException.Kind.BAD_REQUEST, "output failed: " + e.getMessage(), e);
        }
        return with(deadline, conn -> {
            conn.slots = built.filter().slots;
            try (PreparedStatement ps = conn.connection.prepareStatement(built.select())) {
                bind(ps, built.params());
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = read(rs, built.columns());
                        n++;
                        try {
                            if (!sink.row(row)) {
                                break;
                            }
                        } catch (IOException e) {
                            throw new QueryException(QueryException.Kind.BAD_REQUEST, "output failed: " + e.getMessage(), e);
                        }
                    }
                }
                return n;
            }
        });
    }

    /** How many rows the question has (paging ignored). */
    public long count(ListQuery q, Deadline deadline) throws QueryException {
        ListingSql built = ListingSql.build(this, q.withPage(0, 0), deadline);
        return with(deadline, conn -> {
            conn.slots = built.filter().slots;
            try (PreparedStatement ps = conn.connection.prepareStatement(built.count())) {
                bind(ps, built.params());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v instanceof String s) {
                ps.setString(i + 1, s);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                throw new IllegalArgumentException("unsupported parameter " + v);
            }
        }
    }

    private static Object[] read(ResultSet rs, List<Column> columns) throws SQLException {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            Column c = columns.get(i);
            switch (c.type()) {
                case INTEGER -> {
                    long v = rs.getLong(i + 1);
                    row[i] = rs.wasNull() ? null : v;
                }
                case BOOLEAN -> {
                    long v = rs.getLong(i + 1);
                    row[i] = rs.wasNull() ? null : v != 0;
                }
                default -> row[i] = rs.getString(i + 1);
            }
        }
        return row;
    }

    // ---- SQL for power users --------------------------------------------------------------------

    /**
     * Runs one SQL statement on a read-only connection: a statement that writes is refused with a
     * clear message. Column types come from the values ({@code INTEGER} or {@code TEXT}).
     */
    public long sql(String statement, Deadline deadline, Rows.Sink sink) throws QueryException {
        String s = statement.strip();
        if (s.isEmpty()) {
            throw QueryException.badRequest("empty SQL statement");
        }
        return with(deadline, conn -> {
            try (PreparedStatement ps = conn.connection.prepareStatement(s)) {
                if (!ps.getConnection().isReadOnly()) {
                    throw new IllegalStateException("connection must be read-only");
                }
                boolean hasRows = ps.execute();
                if (!hasRows) {
                    sink.columns(List.of());
                    return 0L;
                }
                try (ResultSet rs = ps.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    List<Column> cols = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        cols.add(Column.text(rs.getMetaData().getColumnLabel(i), "", ""));
                    }
                    sink.columns(cols);
                    long count = 0;
                    while (rs.next()) {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) {
                            Object v = rs.getObject(i + 1);
                            row[i] = v instanceof Integer x ? Long.valueOf(x)
                                    : v instanceof byte[] b ? hex(b) : v;
                        }
                        count++;
                        if (!sink.row(row)) {
                            break;
                        }
                    }
                    return count;
                }
            } catch (IOException e) {
                throw new QueryException(QueryException.Kind.BAD_REQUEST, "output failed: " + e.getMessage(), e);
            } catch (SQLException e) {
                String m = String.valueOf(e.getMessage());
                if (m.contains("SQLITE_READONLY") || m.contains("readonly")) {
                    throw QueryException.badRequest("refused: the database is opened read-only, so "
                            + "INSERT, UPDATE, DELETE, CREATE, DROP and other writes are not allowed");
                }
                throw e;
            }
        });
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder("x'");
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return sb.append('\'').toString();
    }

    // ---- inputs and counts ----------------------------------------------------------------------

    /** Row counts of the main tables, in display order. */
    public Map<String, Long> counts() throws QueryException {
        return with(null, conn -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (Statement st = conn.connection.createStatement()) {
                for (String t : Schema.COUNTED_TABLES) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                        rs.next();
                        out.put(t, rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /** The inputs (apps) of this index, in id order. */
    public List<App> apps() throws QueryException {
        return cached("apps", () -> with(null, conn -> {
            List<App> out = new ArrayList<>();
            String sql = "SELECT i.id, i.path, i.kind, i.bytes, i.sha256, i.package, i.version_code, i.version_name,"
                    + " i.min_sdk, i.target_sdk,"
                    + " (SELECT count(*) FROM sources s WHERE s.input_id = i.id),"
                    + " (SELECT count(*) FROM classes c WHERE c.input_id = i.id),"
                    + " (SELECT count(*) FROM problems p WHERE p.input_id = i.id)"
                    + " FROM inputs i ORDER BY i.id";
            try (Statement st = conn.connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(new App(rs.getLong(1), rs.getString(2), rs.getString(3), longOrNull(rs, 4),
                            rs.getString(5), rs.getString(6), longOrNull(rs, 7), rs.getString(8),
                            longOrNull(rs, 9), longOrNull(rs, 10), rs.getLong(11), rs.getLong(12), rs.getLong(13)));
                }
            }
            return List.copyOf(out);
        }));
    }

    private static Long longOrNull(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    /**
     * The ids of the apps {@code selector} names: an id, a path (as stored, or its file name), a
     * package name, or a SHA-256 prefix of at least 6 hex digits. An error when none matches.
     */
    public List<Long> appIds(String selector) throws QueryException {
        List<App> apps = apps();
        List<Long> out = new ArrayList<>();
        String s = selector.strip();
        for (App a : apps) {
            if (a.matches(s)) {
                out.add(a.id());
            }
        }
        if (out.isEmpty()) {
            StringBuilder known = new StringBuilder();
            for (App a : apps) {
                known.append(known.length() == 0 ? "" : ", ").append(a.id()).append(" = ").append(a.label());
            }
            throw QueryException.notFound("no app '" + selector + "' in " + file + " (apps: " + known
                    + "; give an id, a path, a package name or a SHA-256 prefix)");
        }
        return out;
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            for (Conn c : all) {
                try {
                    c.connection.close();
                } catch (SQLException e) {
                    // Closing a read-only connection cannot lose data; nothing to report.
                }
            }
            all.clear();
        }
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                System.err.println("quiver: warning: could not delete temporary database " + temporary + ": " + e.getMessage());
            }
        }
    }
}
