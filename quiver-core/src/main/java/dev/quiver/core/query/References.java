package dev.quiver.core.query;

import dev.quiver.core.model.FieldRef;
import dev.quiver.core.model.MethodRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference edges of an index, for cross-references and graphs: who calls, reads, writes,
 * loads or uses what. Nodes are method and field <em>identities</em> ({@code method_ids} /
 * {@code field_ids} rows), which definitions ({@code methods.sig_id}) and instructions
 * ({@code calls.target_id}) share; see docs/QUERIES.md, "Resolving a call".
 *
 * <p>Every lookup takes the set of apps to look in (null: all) and the question's deadline.
 * Id sets are sent in chunks, each chunk one indexed lookup.
 */
public final class References {
    private static final int CHUNK = 400;
    private static final String SITE = " JOIN methods m ON m.id = %s.method_id JOIN classes c ON c.id = m.class_id"
            + " JOIN sources s ON s.id = c.source_id";

    private final Index index;

    References(Index index) {
        this.index = index;
    }

    /** The reference edges of {@code index}. */
    public static References of(Index index) {
        return new References(index);
    }

    /** A method or field identity: its id and canonical signature. */
    public record Ident(long id, String signature) {
    }

    /**
     * One reference: from the method identity {@code from} (whose code holds the instruction) to
     * {@code to} (a method or field identity; 0 for a string or type, named in {@code value}).
     *
     * @param kind  the opcode ({@code virtual}, {@code iget-object}, {@code const-string}, {@code new-instance}, …)
     * @param value the string loaded or the type used; null for calls and field accesses
     * @param path  the source file of the instruction, relative to its input
     * @param line  its line (0 for DEX input)
     */
    public record Site(long from, long to, String kind, String value, String path, int line, long app) {
    }

    /**
     * The calls from one method to one target, taken together: {@code sites} instructions, the first
     * of them (in database order: input, file, line) being {@code first}, with its kind and place.
     *
     * @param fromName the calling method's signature
     */
    public record Group(long from, String fromName, long to, int sites, long first, String kind, String value,
                        String path, int line, long app) {
    }

    /** What a field access does. */
    public enum Access { READ, WRITE, ANY }

    // ---- identities ---------------------------------------------------------------------------

    /** The identity of {@code ref}, or null when the index neither defines nor references it. */
    public Long methodId(MethodRef ref, Deadline deadline) throws QueryException {
        return idOf("SELECT id FROM method_ids WHERE class = ? AND name = ? AND descriptor = ?",
                deadline, ref.owner(), ref.name(), ref.descriptor());
    }

    /** The identity of {@code ref}, or null. */
    public Long fieldId(FieldRef ref, Deadline deadline) throws QueryException {
        return idOf("SELECT id FROM field_ids WHERE class = ? AND name = ? AND type = ?",
                deadline, ref.owner(), ref.name(), ref.type());
    }

    private Long idOf(String sql, Deadline deadline, Object... params) throws QueryException {
        return index.with(deadline, conn -> {
            try (PreparedStatement ps = conn.connection.prepareStatement(sql)) {
                Index.bind(ps, List.of(params));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : null;
                }
            }
        });
    }

    /** Method identities whose signature matches {@code p}, in signature order, at most {@code cap}. */
    public List<Ident> findMethods(NamePattern p, int cap, Deadline deadline) throws QueryException {
        return find("method_ids", Column.methodSignature("s", "class", "name", "descriptor", ""), p, cap, deadline);
    }

    /** Field identities whose signature matches {@code p}, in signature order, at most {@code cap}. */
    public List<Ident> findFields(NamePattern p, int cap, Deadline deadline) throws QueryException {
        return find("field_ids", Column.fieldSignature("s", "class", "name", "type", ""), p, cap, deadline);
    }

    private List<Ident> find(String table, Column sig, NamePattern p, int cap, Deadline deadline)
            throws QueryException {
        SqlFilter f = new SqlFilter();
        f.add(sig, p);
        String sql = "SELECT id, " + sig.sql() + " AS sig FROM " + table + f.where() + " ORDER BY sig, id LIMIT " + cap;
        return index.with(deadline, conn -> {
            conn.slots = f.slots;
            List<Ident> out = new ArrayList<>();
            try (PreparedStatement ps = conn.connection.prepareStatement(sql)) {
                Index.bind(ps, f.params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Ident(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    /** The methods of class {@code owner} named {@code name} (all overloads). */
    public List<Ident> overloads(String owner, String name, Deadline deadline) throws QueryException {
        return index.with(deadline, conn -> {
            List<Ident> out = new ArrayList<>();
            try (PreparedStatement ps = conn.connection.prepareStatement("SELECT id, class || '->' || name || descriptor"
                    + " FROM method_ids WHERE class = ? AND name = ? ORDER BY descriptor")) {
                ps.setString(1, owner);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Ident(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    /** The canonical method references of identities (ids unknown to the index are left out). */
    public Map<Long, MethodRef> methods(Collection<Long> ids, Deadline deadline) throws QueryException {
        Map<Long, MethodRef> out = new HashMap<>();
        chunks(ids, deadline, "SELECT id, class, name, descriptor FROM method_ids WHERE id IN (%s)", null,
                rs -> out.put(rs.getLong(1), new MethodRef(rs.getString(2), rs.getString(3), rs.getString(4))));
        return out;
    }

    /** Adds to {@code names} the signature of every method identity in {@code ids} it does not hold yet. */
    public void nameMethods(Collection<Long> ids, Map<Long, String> names, Deadline deadline) throws QueryException {
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            if (!names.containsKey(id)) {
                missing.add(id);
            }
        }
        for (Map.Entry<Long, MethodRef> e : methods(missing, deadline).entrySet()) {
            names.put(e.getKey(), e.getValue().toString());
        }
    }

    /** The canonical field references of identities. */
    public Map<Long, FieldRef> fields(Collection<Long> ids, Deadline deadline) throws QueryException {
        Map<Long, FieldRef> out = new HashMap<>();
        chunks(ids, deadline, "SELECT id, class, name, type FROM field_ids WHERE id IN (%s)", null,
                rs -> out.put(rs.getLong(1), new FieldRef(rs.getString(2), rs.getString(3), rs.getString(4))));
        return out;
    }

    /** The identities among {@code ids} that some class of {@code apps} defines. */
    public Set<Long> defined(Collection<Long> ids, Set<Long> apps, Deadline deadline) throws QueryException {
        Set<Long> out = new HashSet<>();
        chunks(ids, deadline, "SELECT DISTINCT m.sig_id FROM methods m JOIN classes c ON c.id = m.class_id"
                + " WHERE m.sig_id IN (%s)" + appCondition(apps), apps, rs -> out.add(rs.getLong(1)));
        return out;
    }

    /** The methods class {@code cls} defines in {@code apps}, as identities, in definition order. */
    public List<Ident> definedMethods(String cls, Set<Long> apps, Deadline deadline) throws QueryException {
        return index.with(deadline, conn -> {
            List<Ident> out = new ArrayList<>();
            try (PreparedStatement ps = conn.connection.prepareStatement("SELECT m.sig_id, c.descriptor || '->' ||"
                    + " m.name || m.descriptor FROM methods m JOIN classes c ON c.id = m.class_id"
                    + " WHERE c.descriptor = ?" + appCondition(apps) + " ORDER BY m.id")) {
                ps.setString(1, cls);
                bindApps(ps, 2, apps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Ident(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    /** The identities among {@code ids} that some class of {@code apps} defines as a method that is not static. */
    public Set<Long> instanceMethods(Collection<Long> ids, Set<Long> apps, Deadline deadline) throws QueryException {
        Set<Long> out = new HashSet<>();
        chunks(ids, deadline, "SELECT DISTINCT m.sig_id FROM methods m JOIN classes c ON c.id = m.class_id"
                + " WHERE m.sig_id IN (%s) AND instr(' ' || m.flags || ' ', ' static ') = 0" + appCondition(apps), apps,
                rs -> out.add(rs.getLong(1)));
        return out;
    }

    /**
     * Every class defining a method with this name and descriptor, with the definition's identity:
     * the candidates of virtual dispatch. Class descriptor → identity.
     */
    public Map<String, Long> definers(String name, String descriptor, Set<Long> apps, Deadline deadline)
            throws QueryException {
        return index.with(deadline, conn -> {
            Map<String, Long> out = new HashMap<>();
            try (PreparedStatement ps = conn.connection.prepareStatement("SELECT c.descriptor, m.sig_id FROM methods m"
                    + " JOIN classes c ON c.id = m.class_id WHERE m.name = ? AND m.descriptor = ?" + appCondition(apps)
                    + " ORDER BY m.id")) {
                ps.setString(1, name);
                ps.setString(2, descriptor);
                bindApps(ps, 3, apps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.putIfAbsent(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Every identity with this name and descriptor, defined or only referenced, by class descriptor:
     * the targets a call that may dispatch to such a method can be written against.
     */
    public Map<String, Long> identitiesNamed(String name, String descriptor, Deadline deadline) throws QueryException {
        return index.with(deadline, conn -> {
            Map<String, Long> out = new HashMap<>();
            try (PreparedStatement ps = conn.connection.prepareStatement(
                    "SELECT class, id FROM method_ids WHERE name = ? AND descriptor = ? ORDER BY id")) {
                ps.setString(1, name);
                ps.setString(2, descriptor);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.putIfAbsent(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    // ---- edges --------------------------------------------------------------------------------

    /** Calls whose target is one of {@code targets}, in instruction order. */
    public List<Site> callsTo(Collection<Long> targets, Set<Long> apps, Deadline deadline) throws QueryException {
        List<Site> out = new ArrayList<>();
        chunks(targets, deadline, "SELECT m.sig_id, k.target_id, k.kind, s.path, k.line, c.input_id FROM calls k"
                + SITE.formatted("k") + " WHERE k.target_id IN (%s)" + appCondition(apps) + " ORDER BY k.id", apps,
                rs -> out.add(new Site(rs.getLong(1), rs.getLong(2), rs.getString(3), null, rs.getString(4), rs.getInt(5),
                        rs.getLong(6))));
        return out;
    }

    /**
     * Calls whose target is one of {@code targets}, grouped by (calling method, target): the form
     * a caller walk needs. The grouping runs inside SQLite over the covering index
     * {@code calls(target_id, method_id)}, so a target called 130,000 times costs one index range
     * scan and one row per calling method, not 130,000 rows through JDBC.
     */
    public List<Group> callerGroups(Collection<Long> targets, Set<Long> apps, Deadline deadline) throws QueryException {
        List<Group> out = new ArrayList<>();
        // The numbers and the kind travel packed in one text column: a JDBC column read is a JNI call, and a
        // busy target has tens of thousands of calling methods (this halves the time of such a walk).
        chunks(targets, deadline, "SELECT m.sig_id || ' ' || g.target_id || ' ' || g.n || ' ' || g.first || ' '"
                + " || k.line || ' ' || c.input_id || ' ' || k.kind, s.path, c.descriptor || '->' || m.name || m.descriptor"
                + " FROM (SELECT target_id, method_id, count(*) AS n, min(id) AS first FROM calls"
                + " WHERE target_id IN (%s) GROUP BY target_id, method_id) g"
                + " JOIN calls k ON k.id = g.first JOIN methods m ON m.id = g.method_id"
                + " JOIN classes c ON c.id = m.class_id JOIN sources s ON s.id = c.source_id"
                + (apps == null ? "" : " WHERE c.input_id IN (" + ListingSql.placeholders(apps.size()) + ")"),
                apps, rs -> {
                    String[] f = rs.getString(1).split(" ", 7);
                    out.add(new Group(Long.parseLong(f[0]), rs.getString(3), Long.parseLong(f[1]), Integer.parseInt(f[2]),
                            Long.parseLong(f[3]), f[6], null, rs.getString(2), Integer.parseInt(f[4]),
                            Long.parseLong(f[5])));
                });
        return out;
    }

    /** Calls made by the methods defining one of {@code callers} (every definition), in instruction order. */
    public List<Site> callsFrom(Collection<Long> callers, Set<Long> apps, Deadline deadline) throws QueryException {
        List<Site> out = new ArrayList<>();
        chunks(callers, deadline, "SELECT m.sig_id, k.target_id, k.kind, s.path, k.line, c.input_id FROM methods m"
                + " JOIN calls k ON k.method_id = m.id JOIN classes c ON c.id = m.class_id"
                + " JOIN sources s ON s.id = c.source_id WHERE m.sig_id IN (%s)" + appCondition(apps) + " ORDER BY k.id",
                apps, rs -> out.add(new Site(rs.getLong(1), rs.getLong(2), rs.getString(3), null, rs.getString(4),
                        rs.getInt(5), rs.getLong(6))));
        return out;
    }

    /**
     * A call reduced to what a graph needs, one per instruction: the method identity whose code
     * calls ({@code from}, of class {@code fromClass}), the identity named ({@code to}, of class
     * {@code toClass}) and the invoke kind. No source position: the lookup skips the sources table.
     */
    public record Call(long from, String fromClass, long to, String toClass, String kind) {
    }

    private static final String CALL = "SELECT m.sig_id, c.descriptor, k.target_id, t.class, k.kind FROM calls k"
            + " JOIN methods m ON m.id = k.method_id JOIN classes c ON c.id = m.class_id"
            + " JOIN method_ids t ON t.id = k.target_id WHERE ";

    /** Calls naming one of {@code targets}, in no particular order. */
    public List<Call> callEdgesTo(Collection<Long> targets, Set<Long> apps, Deadline deadline) throws QueryException {
        List<Call> out = new ArrayList<>();
        chunks(targets, deadline, CALL + "k.target_id IN (%s)" + appCondition(apps), apps, rs -> out.add(call(rs)));
        return out;
    }

    /** Calls made by the methods defining one of {@code callers} (every definition), in no particular order. */
    public List<Call> callEdgesFrom(Collection<Long> callers, Set<Long> apps, Deadline deadline) throws QueryException {
        List<Call> out = new ArrayList<>();
        chunks(callers, deadline, CALL + "m.sig_id IN (%s)" + appCondition(apps), apps, rs -> out.add(call(rs)));
        return out;
    }

    private static Call call(ResultSet rs) throws SQLException {
        return new Call(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5));
    }

    /** Reads and/or writes of the fields {@code fields}, in instruction order. */
    public List<Site> fieldAccesses(Collection<Long> fields, Access access, Set<Long> apps, Deadline deadline)
            throws QueryException {
        String kind = switch (access) {
            case READ -> " AND substr(r.kind, 2, 3) = 'get'";
            case WRITE -> " AND substr(r.kind, 2, 3) = 'put'";
            case ANY -> "";
        };
        List<Site> out = new ArrayList<>();
        chunks(fields, deadline, "SELECT m.sig_id, r.target_id, r.kind, s.path, r.line, c.input_id FROM field_refs r"
                + SITE.formatted("r") + " WHERE r.target_id IN (%s)" + kind + appCondition(apps) + " ORDER BY r.id", apps,
                rs -> out.add(new Site(rs.getLong(1), rs.getLong(2), rs.getString(3), null, rs.getString(4), rs.getInt(5),
                        rs.getLong(6))));
        return out;
    }

    /** {@code const-string} instructions whose value matches {@code value}, in instruction order. */
    public List<Site> stringLoads(NamePattern value, Set<Long> apps, Deadline deadline) throws QueryException {
        return valueSites("strings t", "t.value", "CASE t.jumbo WHEN 1 THEN 'const-string/jumbo' ELSE 'const-string' END",
                Column.text("value", "t.value", ""), value, apps, deadline);
    }

    /** Instructions that instantiate, cast, check or name {@code type} ({@code type_refs}), in order. */
    public List<Site> typeUses(NamePattern type, Set<Long> apps, Deadline deadline) throws QueryException {
        return valueSites("type_refs t", "t.type", "t.kind", Column.indexed("type", "t.type", ""), type, apps, deadline);
    }

    private List<Site> valueSites(String table, String valueSql, String kindSql, Column col, NamePattern p, Set<Long> apps,
                                  Deadline deadline) throws QueryException {
        SqlFilter f = new SqlFilter();
        f.add(col, p);
        if (apps != null) {
            f.and("c.input_id IN (" + ListingSql.placeholders(apps.size()) + ")", apps.toArray());
        }
        String sql = "SELECT m.sig_id, " + kindSql + ", " + valueSql + ", s.path, t.line, c.input_id FROM " + table
                + SITE.formatted("t") + f.where() + " ORDER BY t.id";
        return index.with(deadline, conn -> {
            conn.slots = f.slots;
            List<Site> out = new ArrayList<>();
            try (PreparedStatement ps = conn.connection.prepareStatement(sql)) {
                Index.bind(ps, f.params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Site(rs.getLong(1), 0, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getInt(5), rs.getLong(6)));
                    }
                }
            }
            return out;
        });
    }

    // ---- helpers ------------------------------------------------------------------------------

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static String appCondition(Set<Long> apps) {
        return apps == null ? "" : " AND c.input_id IN (" + ListingSql.placeholders(apps.size()) + ")";
    }

    private static int bindApps(PreparedStatement ps, int at, Set<Long> apps) throws SQLException {
        if (apps != null) {
            for (Long a : apps) {
                ps.setLong(at++, a);
            }
        }
        return at;
    }

    /** Runs {@code sql} (with {@code %s} for the id list) once per chunk of ids. */
    private void chunks(Collection<Long> ids, Deadline deadline, String sql, Set<Long> apps, RowReader reader)
            throws QueryException {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> list = new ArrayList<>(ids);
        index.with(deadline, conn -> {
            for (int from = 0; from < list.size(); from += CHUNK) {
                List<Long> chunk = list.subList(from, Math.min(list.size(), from + CHUNK));
                try (PreparedStatement ps = conn.connection.prepareStatement(
                        sql.formatted(ListingSql.placeholders(chunk.size())))) {
                    int at = 1;
                    for (Long id : chunk) {
                        ps.setLong(at++, id);
                    }
                    bindApps(ps, at, apps);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            reader.read(rs);
                        }
                    }
                }
            }
            return null;
        });
    }
}
