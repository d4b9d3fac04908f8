package dev.quiver.core.store;

import dev.quiver.core.model.Call;
import dev.quiver.core.model.ClassDef;
import dev.quiver.core.model.Descriptors;
import dev.quiver.core.model.FieldAccess;
import dev.quiver.core.model.FieldDef;
import dev.quiver.core.model.FieldRef;
import dev.quiver.core.model.Manifest;
import dev.quiver.core.model.MethodDef;
import dev.quiver.core.model.MethodRef;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.model.Problem;
import dev.quiver.core.model.StringConst;
import dev.quiver.core.model.TypeRef;
import dev.quiver.core.pipeline.IndexSink;
import dev.quiver.core.pipeline.InputInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The writer: streams parsed units into a new SQLite database (or a copy of an existing one for
 * {@code --append}), then builds the indexes and moves the file into place atomically.
 *
 * <p>Speed comes from one transaction, no journal, multi-row inserts ({@link BatchInsert}), row ids
 * assigned here rather than read back, narrow instruction rows (call and field targets are
 * deduplicated into {@code method_ids} / {@code field_ids} and referenced by id), and indexes built
 * once after the load.
 *
 * <p>With {@code parallel}, for a large input (see {@link #expect}), the instruction tables are written
 * by two more threads into shard files
 * of their own (SQLite allows one writer per file), each building its own indexes, and are copied
 * into the main file at the end: an {@code INSERT INTO t SELECT * FROM shard.t} into an empty table
 * with the same definition and indexes is a raw copy of records in SQLite. Every table is still
 * written in id order by a single thread, so the database content is the same either way.
 */
public final class SqliteIndexWriter implements IndexSink {
    /**
     * Inputs smaller than this (smali text bytes) are written by one thread: below it, shard threads,
     * files and the final copy cost more than they save. Since parse runs with C1 only (bin/quiver),
     * ApiDemos (45 MB) gains from them: 2.68 s sharded, 2.87 s not; with C2 it lost (1.56 s against 1.32).
     */
    static final long PARALLEL_MIN_SMALI_BYTES = 32L << 20;
    /**
     * The same for DEX input, which is about 8 times denser than its smali text: the settings APK (its
     * first DEX 6.9 MB) 2.19 s sharded against 2.57 s, ApiDemos' APK (7.3 MB) 2.70 s against 3.02 s.
     */
    static final long PARALLEL_MIN_DEX_BYTES = 4L << 20;

    /** Tables written by shard threads in parallel mode; everything else stays in the main file. */
    private static final List<List<String>> SHARD_TABLES = List.of(
            List.of("calls"),
            List.of("strings", "field_refs", "type_refs"));

    private final AtomicOutput output;
    private final Connection conn;
    private final Shard mainShard;
    /** Shards with threads of their own, and their files (empty when not parallel). */
    private final List<Shard> sideShards = new ArrayList<>();
    private final List<AtomicOutput> sideFiles = new ArrayList<>();
    private final List<List<String>> sideTables = new ArrayList<>();
    private final BatchInsert inputs;
    private final BatchInsert sources;
    private final BatchInsert classes;
    private final BatchInsert interfaces;
    private final BatchInsert annotations;
    private final BatchInsert fields;
    private final BatchInsert methods;
    private final BatchInsert calls;
    private final BatchInsert strings;
    private final BatchInsert fieldRefs;
    private final BatchInsert typeRefs;
    private final BatchInsert problems;
    private final BatchInsert methodIds;
    private final BatchInsert fieldIds;
    private final List<BatchInsert> all;
    private final boolean parallel;
    private final long minSmaliBytes;
    private final long minDexBytes;
    private final boolean extend;
    private String inputKind;
    private long expectedBytes;
    /**
     * Every method and field identity of the run, interned by the parse workers ({@link #prepare}); the
     * sink thread gives each its {@code method_ids} / {@code field_ids} row id the first time it writes
     * it, so ids follow the sink's order and are the same for any {@code -j}.
     */
    private final ConcurrentHashMap<MethodRef, Slot> methodSlots = new ConcurrentHashMap<>(1 << 16);
    private final ConcurrentHashMap<FieldRef, Slot> fieldSlots = new ConcurrentHashMap<>(1 << 15);

    private long inputId;
    /** Inputs with a smaller id were in the database before this run (what {@code --append} may replace). */
    private long firstNewInputId;
    private String inputPath;
    private InputInfo inputInfo = InputInfo.NONE;
    private ManifestRows manifestRows;
    private final List<String> notes = new ArrayList<>();
    private boolean removedInputs;
    private long sourceId;
    private long classId;
    private long fieldId;
    private long methodId;
    private long callId;
    private long stringId;
    private long fieldRefId;
    private long typeRefId;
    private long problemId;
    private long methodIdsId;
    private long fieldIdsId;
    private String lastSourcePath;

    /** A single-threaded writer. */
    public SqliteIndexWriter(Path target, boolean append) throws IOException {
        this(target, append, false);
    }

    /**
     * @param target   the database to create or replace (or extend, with {@code append})
     * @param append   keep the existing contents of {@code target} and add to them
     * @param parallel write the instruction tables on two more threads (ignored when appending to an
     *                 existing database, whose tables are not empty)
     */
    public SqliteIndexWriter(Path target, boolean append, boolean parallel) throws IOException {
        this(target, append, parallel, PARALLEL_MIN_SMALI_BYTES, PARALLEL_MIN_DEX_BYTES);
    }

    /** With explicit size thresholds for the shard threads (tests use 0 to force them). */
    SqliteIndexWriter(Path target, boolean append, boolean parallel, long minSmaliBytes, long minDexBytes)
            throws IOException {
        this.minSmaliBytes = minSmaliBytes;
        this.minDexBytes = minDexBytes;
        this.extend = append && Files.exists(target);
        this.parallel = parallel;
        this.output = new AtomicOutput(target, extend);
        Connection c = null;
        try {
            c = open(output.temp());
            this.conn = c;
            if (extend) {
                Schema.check(conn, target.toString());
            } else {
                Schema.create(conn);
            }
            conn.setAutoCommit(false);
            inputId = maxId("inputs");
            firstNewInputId = inputId + 1;
            sourceId = maxId("sources");
            classId = maxId("classes");
            fieldId = maxId("fields");
            methodId = maxId("methods");
            callId = maxId("calls");
            stringId = maxId("strings");
            fieldRefId = maxId("field_refs");
            typeRefId = maxId("type_refs");
            problemId = maxId("problems");
            methodIdsId = maxId("method_ids");
            fieldIdsId = maxId("field_ids");
            if (extend) {
                loadTargets();
            }
        } catch (SQLException e) {
            // Nothing may outlive a failed constructor: no connection, no temporary copy.
            try {
                if (c != null) {
                    c.close();
                }
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            output.close();
            throw new IOException("cannot create database " + target + ": " + e.getMessage(), e);
        }
        mainShard = new Shard(conn, "main", false);
        inputs = new BatchInsert(mainShard, "inputs", "id", "path", "kind", "bytes", "sha256", "package", "version_code",
                "version_name", "min_sdk", "target_sdk");
        sources = new BatchInsert(mainShard, "sources", "id", "input_id", "path", "bytes", "lines");
        classes = new BatchInsert(mainShard, "classes", "id", "input_id", "source_id", "line", "descriptor", "flags",
                "superclass", "source_file");
        interfaces = new BatchInsert(mainShard, "interfaces", "class_id", "position", "descriptor");
        annotations = new BatchInsert(mainShard, "annotations", "class_id", "position", "type");
        fields = new BatchInsert(mainShard, "fields", "id", "class_id", "sig_id", "line", "name", "type", "flags",
                "initial_value");
        methods = new BatchInsert(mainShard, "methods", "id", "class_id", "sig_id", "first_line", "last_line", "name",
                "descriptor", "parameters", "return_type", "flags", "registers", "locals");
        calls = new BatchInsert(mainShard, "calls", "id", "method_id", "line", "kind", "target_id",
                "registers", "extra");
        strings = new BatchInsert(mainShard, "strings", "id", "method_id", "line", "value", "jumbo")
                .exactText("value");
        fieldRefs = new BatchInsert(mainShard, "field_refs", "id", "method_id", "line", "kind",
                "target_id");
        typeRefs = new BatchInsert(mainShard, "type_refs", "id", "method_id", "line", "kind", "type");
        problems = new BatchInsert(mainShard, "problems", "id", "input_id", "source_id", "path", "line", "kind",
                "message");
        methodIds = new BatchInsert(mainShard, "method_ids", "id", "class", "name", "descriptor");
        fieldIds = new BatchInsert(mainShard, "field_ids", "id", "class", "name", "type");
        all = List.of(inputs, sources, classes, interfaces, annotations, fields, methods, calls, strings, fieldRefs,
                typeRefs, problems, methodIds, fieldIds);
    }

    private static Connection open(Path file) throws SQLException {
        // Each connection of the writer is used by one thread at a time (and sqlite-jdbc serializes its
        // calls on a connection itself), so SQLite's own mutex, taken and released on every bind and
        // step in its default serialized mode, is not needed: without it the writer uses 5 % less CPU
        // on the framework (docs/BENCHMARKS.md, "The APK path").
        SQLiteConfig config = new SQLiteConfig();
        config.setOpenMode(SQLiteOpenMode.NOMUTEX);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = OFF");
            st.execute("PRAGMA synchronous = OFF");
            st.execute("PRAGMA locking_mode = EXCLUSIVE");
            st.execute("PRAGMA cache_size = -65536"); // 64 MiB of page cache per connection (native memory)
            st.execute("PRAGMA temp_store = FILE");
        }
        return c;
    }

    /**
     * The size hint of the current input: a large first input turns on the shard threads, before
     * any instruction row is written (so each table still lives in exactly one file).
     */
    @Override
    public void expect(long units, long bytes) throws IOException {
        expectedBytes += bytes;
        long min = "smali".equals(inputKind) ? minSmaliBytes : minDexBytes;
        if (!parallel || extend || !sideShards.isEmpty() || expectedBytes < min) {
            return;
        }
        for (List<String> tables : SHARD_TABLES) {
            for (BatchInsert b : all) {
                if (tables.contains(b.table()) && b.used()) {
                    return; // a previous input already wrote here: stay single-threaded
                }
            }
        }
        try {
            for (List<String> tables : SHARD_TABLES) {
                AtomicOutput file = new AtomicOutput(
                        output.target().resolveSibling(output.target().getFileName() + ".shard"), false);
                sideFiles.add(file);
                Connection c = open(file.temp());
                Schema.createTables(c, tables);
                c.setAutoCommit(false);
                Shard shard = new Shard(c, tables.get(0), true);
                sideShards.add(shard);
                sideTables.add(tables);
                for (BatchInsert b : all) {
                    if (tables.contains(b.table())) {
                        b.moveTo(shard);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** For --append: targets already in the database keep their ids. */
    private void loadTargets() throws SQLException {
        try (Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, class, name, descriptor FROM method_ids")) {
                while (rs.next()) {
                    MethodRef ref = new MethodRef(rs.getString(2), rs.getString(3), rs.getString(4));
                    methodSlots.put(ref, new Slot(ref, null, rs.getLong(1)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id, class, name, type FROM field_ids")) {
                while (rs.next()) {
                    FieldRef ref = new FieldRef(rs.getString(2), rs.getString(3), rs.getString(4));
                    fieldSlots.put(ref, new Slot(null, ref, rs.getLong(1)));
                }
            }
        }
    }

    /**
     * One method or field identity. Made by whichever worker meets it first; its {@link #id} is 0
     * until the sink thread writes its row, and is read and written by that thread only.
     */
    private static final class Slot {
        final MethodRef method;
        final FieldRef field;
        long id;

        Slot(MethodRef method, FieldRef field, long id) {
            this.method = method;
            this.field = field;
            this.id = id;
        }
    }

    private Slot methodSlot(MethodRef ref) {
        Slot s = methodSlots.get(ref); // a plain read first: most identities are met many times
        return s != null ? s : intern(methodSlots, ref, new Slot(ref, null, 0));
    }

    private Slot fieldSlot(FieldRef ref) {
        Slot s = fieldSlots.get(ref);
        return s != null ? s : intern(fieldSlots, ref, new Slot(null, ref, 0));
    }

    /** {@code fresh} for {@code ref}, unless another worker interned one first: then that one. */
    private static <K> Slot intern(ConcurrentHashMap<K, Slot> slots, K ref, Slot fresh) {
        Slot earlier = slots.putIfAbsent(ref, fresh);
        return earlier != null ? earlier : fresh;
    }

    /**
     * Interns every identity the unit names, in the order {@link #writeClass} meets them (per class:
     * its fields, then per method the method itself, its call targets and its field targets). Runs on
     * the parse workers, so the hashing and comparing of millions of names is off the sink thread.
     */
    @Override
    public Object prepare(ParsedUnit unit) {
        int n = 0;
        for (ClassDef c : unit.classes()) {
            n += c.fields().size();
            for (MethodDef m : c.methods()) {
                n += 1 + m.calls().size() + m.fieldAccesses().size();
            }
        }
        Slot[] slots = new Slot[n];
        int i = 0;
        for (ClassDef c : unit.classes()) {
            for (FieldDef f : c.fields()) {
                slots[i++] = fieldSlot(new FieldRef(c.descriptor(), f.name(), f.type()));
            }
            for (MethodDef m : c.methods()) {
                slots[i++] = methodSlot(m.ref(c.descriptor()));
                for (Call k : m.calls()) {
                    slots[i++] = methodSlot(k.target());
                }
                for (FieldAccess f : m.fieldAccesses()) {
                    slots[i++] = fieldSlot(f.target());
                }
            }
        }
        return slots;
    }

    /** The row id of a method identity, writing its {@code method_ids} row the first time. */
    private long methodTarget(Slot s) throws SQLException {
        if (s.id == 0) {
            s.id = ++methodIdsId;
            MethodRef ref = s.method;
            methodIds.add(s.id, ref.owner(), ref.name(), ref.descriptor());
        }
        return s.id;
    }

    /** The row id of a field identity, writing its {@code field_ids} row the first time. */
    private long fieldTarget(Slot s) throws SQLException {
        if (s.id == 0) {
            s.id = ++fieldIdsId;
            FieldRef ref = s.field;
            fieldIds.add(s.id, ref.owner(), ref.name(), ref.type());
        }
        return s.id;
    }

    private long maxId(String table) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT max(id) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public void beginInput(String path, String kind) {
        // The inputs row is written at endInput, when the input's digest and manifest are known.
        ++inputId;
        inputPath = path;
        inputInfo = InputInfo.NONE;
        lastSourcePath = null;
        inputKind = kind;
        expectedBytes = 0;
    }

    @Override
    public void describe(InputInfo info) {
        inputInfo = info;
    }

    @Override
    public void accept(ParsedUnit unit) throws IOException {
        accept(unit, prepare(unit));
    }

    @Override
    public void accept(ParsedUnit unit, Object prepared) throws IOException {
        Slot[] slots = prepared instanceof Slot[] s ? s : (Slot[]) prepare(unit);
        int next = 0;
        try {
            if (!unit.path().equals(lastSourcePath)) {
                sources.add(++sourceId, inputId, unit.path(), unit.bytes(), unit.lines());
                lastSourcePath = unit.path();
            }
            for (ClassDef c : unit.classes()) {
                next = writeClass(c, slots, next);
            }
            for (Problem p : unit.problems()) {
                problems.add(++problemId, inputId, sourceId, p.path(), p.line(), p.kind().label(), p.message());
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Writes one class; its identities are {@code slots[next…]}; returns the index after them. */
    private int writeClass(ClassDef c, Slot[] slots, int next) throws SQLException {
        long cid = ++classId;
        classes.add(cid, inputId, sourceId, c.line(), c.descriptor(), c.flags(), c.superclass(), c.sourceFile());
        int pos = 0;
        for (String i : c.interfaces()) {
            interfaces.add(cid, pos++, i);
        }
        pos = 0;
        for (String a : c.annotations()) {
            annotations.add(cid, pos++, a);
        }
        for (FieldDef f : c.fields()) {
            long sig = fieldTarget(slots[next++]);
            fields.add(++fieldId, cid, sig, f.line(), f.name(), f.type(), f.flags(), f.initialValue());
        }
        for (MethodDef m : c.methods()) {
            long mid = ++methodId;
            String d = m.descriptor();
            methods.add(mid, cid, methodTarget(slots[next++]), m.firstLine(), m.lastLine(), m.name(), d, Descriptors.parameters(d),
                    Descriptors.returnType(d), m.flags(), m.registers() < 0 ? null : m.registers(),
                    m.locals() < 0 ? null : m.locals());
            for (Call k : m.calls()) {
                calls.add(++callId, mid, k.line(), k.kind(), methodTarget(slots[next++]), k.registers(), k.extra());
            }
            for (StringConst s : m.strings()) {
                strings.add(++stringId, mid, s.line(), s.value(), s.jumbo() ? 1 : 0);
            }
            for (FieldAccess f : m.fieldAccesses()) {
                fieldRefs.add(++fieldRefId, mid, f.line(), f.kind(), fieldTarget(slots[next++]));
            }
            for (TypeRef t : m.typeRefs()) {
                typeRefs.add(++typeRefId, mid, t.line(), t.kind(), t.type());
            }
        }
        return next;
    }

    /**
     * Writes the inputs row and the manifest. With {@code --append}, an input that was already in the
     * database (the same path, or the same SHA-256) is replaced: its old rows are deleted in this same
     * transaction, so the database never holds it twice.
     */
    @Override
    public void endInput() throws IOException {
        InputInfo info = inputInfo;
        Manifest m = info.manifest();
        try {
            if (extend) {
                replaceEarlier(info.sha256());
            }
            inputs.add(inputId, inputPath, inputKind, info.bytes(), info.sha256(), m == null ? null : m.packageName(),
                    m == null ? null : m.versionCode(), m == null ? null : m.versionName(),
                    m == null ? null : m.minSdk(), m == null ? null : m.targetSdk());
            if (m != null) {
                if (manifestRows == null) {
                    manifestRows = new ManifestRows(conn);
                }
                manifestRows.write(inputId, m);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Deletes the inputs that were in the database before this run with this input's path or SHA-256. */
    private void replaceEarlier(String sha256) throws SQLException {
        List<Long> old = new ArrayList<>();
        List<String> why = new ArrayList<>();
        try (java.sql.PreparedStatement ps = conn.prepareStatement("SELECT id, path = ? FROM inputs WHERE id < ?"
                + " AND (path = ? OR (sha256 IS NOT NULL AND sha256 = ?)) ORDER BY id")) {
            ps.setString(1, inputPath);
            ps.setLong(2, firstNewInputId);
            ps.setString(3, inputPath);
            ps.setString(4, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    old.add(rs.getLong(1));
                    why.add(rs.getInt(2) == 1 ? "same path" : "same SHA-256");
                }
            }
        }
        for (int i = 0; i < old.size(); i++) {
            InputRemoval.delete(conn, old.get(i));
            removedInputs = true;
            notes.add(inputPath + " replaces input " + old.get(i) + " (" + why.get(i) + ")");
        }
    }

    /** What the run did besides adding rows (inputs replaced), for the user. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void commit() throws IOException {
        try {
            for (BatchInsert b : all) {
                b.flush();
            }
            // Shards build their indexes on their own threads while the main file builds its own.
            for (int i = 0; i < sideShards.size(); i++) {
                List<String> tables = sideTables.get(i);
                sideShards.get(i).run(c -> {
                    Schema.createIndexes(c, tables::contains);
                    c.commit();
                });
            }
            if (removedInputs) {
                InputRemoval.collectOrphans(conn);
            }
            try (Statement st = conn.createStatement()) {
                st.executeUpdate("UPDATE classes SET duplicate = 1 WHERE duplicate = 0 AND (input_id, descriptor) IN"
                        + " (SELECT input_id, descriptor FROM classes GROUP BY input_id, descriptor"
                        + " HAVING count(*) > 1)");
            }
            Schema.createIndexes(conn, t -> true);
            conn.commit();
            mergeShards();
            conn.close();
            output.commit();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Copies each shard's tables (records and index entries) into the main file's empty tables. */
    private void mergeShards() throws SQLException, IOException {
        for (int i = 0; i < sideShards.size(); i++) {
            Shard shard = sideShards.get(i);
            shard.finish();
            shard.close();
            conn.setAutoCommit(true);
            try (Statement st = conn.createStatement()) {
                st.execute("ATTACH DATABASE '" + sideFiles.get(i).temp().toString().replace("'", "''") + "' AS shard");
                conn.setAutoCommit(false);
                for (String t : sideTables.get(i)) {
                    st.executeUpdate("INSERT INTO main." + t + " SELECT * FROM shard." + t);
                }
                conn.commit();
                conn.setAutoCommit(true);
                st.execute("DETACH DATABASE shard");
            }
            sideFiles.get(i).close();
        }
    }

    private IOException failure(SQLException e) {
        return new IOException("writing " + output.target() + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        try {
            closeQuietly();
            if (conn != null && !conn.isClosed()) {
                conn.close();
            }
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            output.close();
        }
    }

    /** Stops shard threads and deletes shard files; used on every exit path. */
    private void closeQuietly() throws IOException {
        IOException first = null;
        for (Shard s : sideShards) {
            try {
                s.close();
            } catch (SQLException e) {
                first = first != null ? first : failure(e);
            }
        }
        for (AtomicOutput f : sideFiles) {
            try {
                f.close();
            } catch (IOException e) {
                first = first != null ? first : e;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
