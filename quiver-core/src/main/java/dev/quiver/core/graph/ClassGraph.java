package dev.quiver.core.graph;

import dev.quiver.core.model.Descriptors;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Hierarchy;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.NamePattern;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.Rows;
import dev.quiver.core.xref.ClassFilter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds class graphs ({@link ClassGraphQuery}) from the index's {@link Hierarchy}: the selected
 * types (a package's classes, or a root type with its supertypes and all its subtypes, or both: the
 * root's relatives in the package), plus the direct supertypes of each as context, and every
 * superclass and interface edge between them. Types the index does not define (framework
 * supertypes such as {@code Landroid/app/Activity;}) are external nodes. {@code java.lang.Object}
 * is left out as a supertype (every class has it; drawing it adds one edge per class and no
 * information) unless the package or the root selects it. With {@code members}, each class the
 * index defines lists its fields and methods (as smalisca's class drawing did).
 */
public final class ClassGraph {
    private static final String OBJECT = "Ljava/lang/Object;";

    private ClassGraph() {
    }

    /** Answers {@code q} on {@code index}; a graph over the cap is a {@code TOO_LARGE} error. */
    public static Graph build(Index index, ClassGraphQuery q, Deadline deadline) throws QueryException {
        Deadline d = deadline != null ? deadline : Deadline.none();
        Hierarchy h = Hierarchy.of(index, d);
        ClassFilter inPackage = q.packageGlob() == null ? null
                : ClassFilter.of(List.of(packageGlob(q.packageGlob())), List.of());
        String root = q.root() == null ? null : rootType(q.root(), h);
        Set<String> selected = new TreeSet<>();
        if (root != null) {
            selected.add(root);
            Set<String> relatives = new TreeSet<>(h.subtypes(root));
            relatives.addAll(h.supertypes(root));
            relatives.remove(OBJECT);
            for (String t : relatives) {
                if (inPackage == null || inPackage.accepts(t)) {
                    selected.add(t);
                }
            }
        } else {
            for (String t : h.definedTypes()) {
                if (inPackage.accepts(t)) {
                    selected.add(t);
                }
            }
            if (selected.isEmpty()) {
                throw new QueryException(QueryException.Kind.NOT_FOUND, "no class of the index matches "
                        + packageGlob(q.packageGlob()) + " (give a package such as com.example or a glob such as "
                        + "'Lcom/example/*')");
            }
        }
        d.check();
        Set<String> nodes = new TreeSet<>(selected);
        for (String t : selected) {
            String s = h.superclassOf(t);
            if (s != null && !s.equals(OBJECT)) {
                nodes.add(s);
            }
            for (String i : h.interfacesOf(t)) {
                nodes.add(i);
            }
        }
        if (nodes.size() > q.maxNodes()) {
            List<String> advice = new ArrayList<>();
            String glob = q.packageGlob() == null ? "" : packageGlob(q.packageGlob());
            List<String> busiest = NodeCap.busiestPackages(selected,
                    glob.endsWith("/*") ? List.of(glob.substring(0, glob.length() - 1)) : List.of());
            if (!busiest.isEmpty()) {
                advice.add("--package on one of the packages with the most classes: " + String.join(", ", busiest));
            }
            if (root == null) {
                advice.add("--root TYPE");
            }
            throw NodeCap.exceeded("class graph", q.maxNodes(), NodeCap.count(nodes.size()) + " types ("
                    + NodeCap.count(selected.size()) + " selected, the rest their direct supertypes)", advice);
        }
        Set<String> interfaces = new HashSet<>();
        List<Graph.Edge> edges = new ArrayList<>();
        for (String t : nodes) {
            if (!h.defines(t)) {
                continue;
            }
            String s = h.superclassOf(t);
            if (s != null && nodes.contains(s)) {
                edges.add(new Graph.Edge(t, s, List.of("extends"), 0, false));
            }
            for (String i : h.interfacesOf(t)) {
                interfaces.add(i);
                if (nodes.contains(i)) {
                    edges.add(new Graph.Edge(t, i, List.of(h.isInterface(t) ? "extends" : "implements"), 0, false));
                }
            }
        }
        List<Graph.Node> out = new ArrayList<>();
        for (String t : nodes) {
            EnumSet<Graph.Flag> flags = EnumSet.noneOf(Graph.Flag.class);
            if (t.equals(root)) {
                flags.add(Graph.Flag.ROOT);
            }
            if (!h.defines(t)) {
                flags.add(Graph.Flag.EXTERNAL);
            }
            if (h.isInterface(t) || interfaces.contains(t)) {
                flags.add(Graph.Flag.INTERFACE);
            }
            out.add(new Graph.Node(t, t, 0, flags, q.members() && h.defines(t) ? members(index, t, d) : List.of()));
        }
        return new Graph(Graph.Kind.CLASSES, title(q, root), root == null ? List.of() : List.of(root), out, edges);
    }

    /** The fields, then the methods, {@code type} defines, as full signatures, each sorted. */
    private static List<String> members(Index index, String type, Deadline d) throws QueryException {
        List<String> out = new ArrayList<>();
        for (Listing l : List.of(Listing.FIELDS, Listing.METHODS)) {
            String column = l == Listing.FIELDS ? "field" : "method";
            Rows rows = index.list(ListQuery.of(l).where("class", NamePattern.exact(type)).withColumns(List.of(column)),
                    d);
            Set<String> own = new TreeSet<>(); // a class defined twice lists a member once
            for (int i = 0; i < rows.rows().size(); i++) {
                own.add((String) rows.value(i, column));
            }
            out.addAll(own);
        }
        return out;
    }

    private static String title(ClassGraphQuery q, String root) {
        String in = q.packageGlob() == null ? "" : packageGlob(q.packageGlob());
        if (root == null) {
            return "class hierarchy of " + in;
        }
        return "supertypes and subtypes of " + Labels.qualified(root) + (in.isEmpty() ? "" : " in " + in);
    }

    /**
     * The glob a {@code --package} value stands for: a glob or a class descriptor as given; a
     * package ({@code com.a}, {@code Lcom/a}, {@code Lcom/a/}) as {@code Lcom/a/*}.
     */
    static String packageGlob(String value) {
        String s = value.strip();
        if (NamePattern.isGlob(s) || s.endsWith(";")) {
            return s;
        }
        if (s.startsWith("L") && s.indexOf('/') > 0) {
            s = s.substring(1);
        }
        s = s.replace('.', '/');
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return "L" + s + "/*";
    }

    private static String rootType(String spec, Hierarchy h) throws QueryException {
        String t = Descriptors.userType(spec);
        if (!t.startsWith("L") || !Descriptors.isFieldType(t)) {
            throw new QueryException(QueryException.Kind.BAD_REQUEST, "'" + spec + "' is not a class type (give "
                    + "Lcom/a/B; or com.a.B)");
        }
        if (!h.defines(t) && h.directSubclasses(t).isEmpty() && h.directImplementers(t).isEmpty()) {
            throw new QueryException(QueryException.Kind.NOT_FOUND, "type " + t + " is not in the index (no class "
                    + "defines, extends or implements it)");
        }
        return t;
    }
}
