package dev.quiver.core.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The names an index knows, for completion as a user types (the shell's Tab, a search box): every
 * class descriptor it defines or references, and the methods and fields of one class.
 *
 * <p>The class descriptors (defined; named as a supertype; called, accessed or used by an
 * instruction) are loaded once per index into a sorted array (85k names on the Android framework,
 * six index scans), so a prefix is two binary searches; members are one indexed lookup per class.
 * Array types and primitives are left out: they are not typed as names.
 */
public final class Names {
    private final String[] classes;
    private final Index index;

    private Names(Index index, String[] classes) {
        this.index = index;
        this.classes = classes;
    }

    /** The names of {@code index}, loaded on first use and shared by every thread. */
    public static Names of(Index index, Deadline deadline) throws QueryException {
        String[] classes = index.cached("names.classes", () -> index.with(deadline, conn -> {
            List<String> all = new ArrayList<>();
            // Index scans (each DISTINCT read off its index) are cheaper than one UNION, which sorts.
            // Supertypes and types used by instructions are names too (--extends, xref --users).
            try (Statement st = conn.connection.createStatement()) {
                for (String sql : new String[] {"SELECT descriptor FROM classes", "SELECT DISTINCT class FROM method_ids",
                    "SELECT DISTINCT class FROM field_ids", "SELECT DISTINCT superclass FROM classes",
                    "SELECT DISTINCT descriptor FROM interfaces", "SELECT DISTINCT type FROM type_refs"}) {
                    try (ResultSet rs = st.executeQuery(sql)) {
                        while (rs.next()) {
                            String c = rs.getString(1);
                            if (c != null && c.startsWith("L")) {
                                all.add(c);
                            }
                        }
                    }
                }
            }
            // Java's order (UTF-16), not SQLite's (UTF-8 bytes): the binary searches below use it.
            return Arrays.stream(all.toArray(new String[0])).sorted().distinct().toArray(String[]::new);
        }));
        return new Names(index, classes);
    }

    /** How many class descriptors the index knows. */
    public int classCount() {
        return classes.length;
    }

    /** The class descriptors starting with {@code prefix}, in order (a view: no copying). */
    public List<String> classesStartingWith(String prefix) {
        int from = lowerBound(prefix);
        // The names with the prefix are contiguous from there: find where they end.
        int lo = from;
        int hi = classes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (classes[mid].startsWith(prefix)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int to = lo;
        return Collections.unmodifiableList(Arrays.asList(classes)).subList(from, to);
    }

    private int lowerBound(String key) {
        int lo = 0;
        int hi = classes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (classes[mid].compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The methods and fields of class {@code descriptor} the index defines or references, as full
     * signatures ({@code Lcom/a/B;->foo(I)V}, {@code Lcom/a/B;->count:I}), sorted, each once.
     */
    public List<String> members(String descriptor, Deadline deadline) throws QueryException {
        return index.with(deadline, conn -> {
            List<String> out = new ArrayList<>();
            // The identity tables hold every method and field an index defines or references.
            String[] sqls = {"SELECT name || descriptor FROM method_ids WHERE class = ?",
                "SELECT name || ':' || type FROM field_ids WHERE class = ?"};
            for (String sql : sqls) {
                try (PreparedStatement ps = conn.connection.prepareStatement(sql)) {
                    ps.setString(1, descriptor);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(descriptor + "->" + rs.getString(1));
                        }
                    }
                }
            }
            return out.stream().sorted().distinct().toList();
        });
    }
}
