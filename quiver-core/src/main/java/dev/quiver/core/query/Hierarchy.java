package dev.quiver.core.query;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The type hierarchy of the classes an index defines: superclass and interface edges, both ways.
 * Types the app only names (framework supertypes such as {@code Landroid/app/Activity;}) appear as
 * ends of edges but have no edges of their own: what lies between two framework classes is not in
 * the index. Duplicate definitions of one descriptor contribute the union of their edges. Built
 * once per index (about 0.1 s for 84k classes) and shared by every thread.
 */
public final class Hierarchy {
    private final Map<String, String> superclass = new HashMap<>();
    private final Map<String, List<String>> interfaces = new HashMap<>();
    private final Map<String, List<String>> subclasses = new HashMap<>();
    private final Map<String, List<String>> implementers = new HashMap<>();
    private final Set<String> interfaceTypes = new java.util.HashSet<>();

    private Hierarchy() {
    }

    /** The hierarchy of {@code index}, loaded on first use. */
    public static Hierarchy of(Index index, Deadline deadline) throws QueryException {
        return index.cached("hierarchy", () -> index.with(deadline, conn -> {
            Hierarchy h = new Hierarchy();
            try (Statement st = conn.connection.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT descriptor, superclass, flags FROM classes ORDER BY id")) {
                    while (rs.next()) {
                        String c = rs.getString(1);
                        String s = rs.getString(2);
                        if (s != null && h.superclass.putIfAbsent(c, s) == null) {
                            h.subclasses.computeIfAbsent(s, k -> new ArrayList<>()).add(c);
                        } else if (s != null && !s.equals(h.superclass.get(c))) {
                            // a duplicate definition with another superclass: keep both edges
                            h.subclasses.computeIfAbsent(s, k -> new ArrayList<>()).add(c);
                        }
                        h.interfaces.putIfAbsent(c, new ArrayList<>());
                        if ((" " + rs.getString(3) + " ").contains(" interface ")) {
                            h.interfaceTypes.add(c);
                        }
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT c.descriptor, i.descriptor FROM interfaces i"
                        + " JOIN classes c ON c.id = i.class_id ORDER BY i.class_id, i.position")) {
                    while (rs.next()) {
                        String c = rs.getString(1);
                        String i = rs.getString(2);
                        List<String> own = h.interfaces.computeIfAbsent(c, k -> new ArrayList<>());
                        if (!own.contains(i)) {
                            own.add(i);
                            h.implementers.computeIfAbsent(i, k -> new ArrayList<>()).add(c);
                        }
                    }
                }
            }
            return h;
        }));
    }

    /** Every type the index defines, sorted. */
    public java.util.SortedSet<String> definedTypes() {
        return new TreeSet<>(interfaces.keySet());
    }

    /** Whether the index defines {@code type}. */
    public boolean defines(String type) {
        return interfaces.containsKey(type);
    }

    /** Whether {@code type} is defined as an interface. */
    public boolean isInterface(String type) {
        return interfaceTypes.contains(type);
    }

    /** The direct superclass, or null (undefined type, or a root). */
    public String superclassOf(String type) {
        return superclass.get(type);
    }

    /** The directly implemented (or, for an interface, extended) interfaces. */
    public List<String> interfacesOf(String type) {
        return Collections.unmodifiableList(interfaces.getOrDefault(type, List.of()));
    }

    /** Classes whose direct superclass is {@code type}. */
    public List<String> directSubclasses(String type) {
        return Collections.unmodifiableList(subclasses.getOrDefault(type, List.of()));
    }

    /** Classes and interfaces that list {@code type} in their {@code .implements}. */
    public List<String> directImplementers(String type) {
        return Collections.unmodifiableList(implementers.getOrDefault(type, List.of()));
    }

    /** Classes extending {@code type}: directly, or through any chain of defined classes. Sorted. */
    public Set<String> subclasses(String type, boolean direct) {
        Set<String> out = new TreeSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            for (String s : directSubclasses(todo.poll())) {
                if (out.add(s) && !direct) {
                    todo.add(s);
                }
            }
        }
        return out;
    }

    /**
     * Types implementing {@code iface}: listing it (or, transitively, an interface that extends it)
     * in {@code .implements}, or inheriting it from a superclass. With {@code direct}, only those
     * that list it themselves. Sorted.
     */
    public Set<String> implementers(String iface, boolean direct) {
        Set<String> out = new TreeSet<>();
        if (direct) {
            out.addAll(directImplementers(iface));
            return out;
        }
        out.addAll(subtypes(iface));
        return out;
    }

    /** Every type below {@code type} (through superclass and interface edges), in breadth-first order. */
    public Set<String> subtypes(String type) {
        Set<String> out = new LinkedHashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            String t = todo.poll();
            for (String s : directSubclasses(t)) {
                if (out.add(s)) {
                    todo.add(s);
                }
            }
            for (String s : directImplementers(t)) {
                if (out.add(s)) {
                    todo.add(s);
                }
            }
        }
        out.remove(type);
        return out;
    }

    /**
     * Every type above {@code type}, nearest first: the superclass chain, then the interfaces of
     * each, breadth-first. Undefined types (framework) are included but end their branch.
     */
    public Set<String> supertypes(String type) {
        Set<String> out = new LinkedHashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            String t = todo.poll();
            String s = superclass.get(t);
            if (s != null && out.add(s)) {
                todo.add(s);
            }
            for (String i : interfaces.getOrDefault(t, List.of())) {
                if (out.add(i)) {
                    todo.add(i);
                }
            }
        }
        out.remove(type);
        return out;
    }

    /** The superclass chain of {@code type}, nearest first (ends at the first undefined type). */
    public List<String> superclassChain(String type) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        String s = superclass.get(type);
        while (s != null && seen.add(s)) {
            out.add(s);
            s = superclass.get(s);
        }
        return out;
    }
}
