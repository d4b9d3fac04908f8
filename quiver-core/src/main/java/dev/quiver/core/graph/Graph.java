package dev.quiver.core.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A graph to draw: nodes identified by their canonical text (a method signature
 * {@code Lcom/a/B;->foo(I)V} or a type descriptor {@code Lcom/a/B;}) and directed edges between
 * them. Immutable; nodes are sorted by id and edges by (from, to), so that every writer gives the
 * same bytes whatever order the graph was built in.
 *
 * @param kind  what the nodes and edges are
 * @param title one line saying what was asked (holds app names: writers must escape it)
 * @param roots the ids of the nodes the question started from, sorted
 * @param nodes the nodes, sorted by id
 * @param edges the edges, sorted by (from, to); at most one per ordered pair of nodes
 */
public record Graph(Kind kind, String title, List<String> roots, List<Node> nodes, List<Edge> edges) {
    /** What a graph shows. */
    public enum Kind {
        /** Methods and the calls between them. */
        CALLS,
        /** Types and their superclass and interface edges. */
        CLASSES
    }

    /** A property of a node that writers show. */
    public enum Flag {
        /** The question started here (the method or type the user named). */
        ROOT,
        /** The index does not define it: a framework or library method or type, known only by reference. */
        EXTERNAL,
        /** An interface (class graphs). */
        INTERFACE
    }

    /**
     * A node.
     *
     * @param id      a method signature or a type descriptor: stable across runs and databases
     * @param type    the class the node belongs to (for a type: itself); its package is the node's cluster
     * @param depth   call graphs: how many calls away from a root it was first reached (roots: 0);
     *                class graphs: 0
     * @param flags   its properties
     * @param members class graphs with members: the signatures of the fields, then of the methods, the
     *                class defines, each sorted; otherwise empty
     */
    public record Node(String id, String type, int depth, Set<Flag> flags, List<String> members) {
        public Node {
            flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
            members = List.copyOf(members);
        }

        /** A node without members. */
        public Node(String id, String type, int depth, Set<Flag> flags) {
            this(id, type, depth, flags, List.of());
        }

        public boolean is(Flag f) {
            return flags.contains(f);
        }
    }

    /**
     * An edge: {@code from} calls {@code to} (call graphs), or {@code from} extends or implements
     * {@code to} (class graphs).
     *
     * @param kinds    call graphs: the invoke kinds of the instructions ({@code static}, {@code virtual/range},
     *                 …), sorted; class graphs: {@code extends} or {@code implements}
     * @param sites    call graphs: how many instructions make this call; class graphs: 0
     * @param dispatch call graphs: the call names another method and reaches {@code to} only through
     *                 virtual dispatch (no instruction names {@code to} itself)
     */
    public record Edge(String from, String to, List<String> kinds, int sites, boolean dispatch) {
        public Edge {
            kinds = List.copyOf(kinds);
        }
    }

    public Graph {
        roots = roots.stream().sorted().toList();
        List<Node> n = new ArrayList<>(nodes);
        n.sort(Comparator.comparing(Node::id));
        nodes = List.copyOf(n);
        List<Edge> e = new ArrayList<>(edges);
        e.sort(Comparator.comparing(Edge::from).thenComparing(Edge::to));
        edges = List.copyOf(e);
    }
}
