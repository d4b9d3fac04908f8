package dev.quiver.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.quiver.core.model.Descriptors;
import dev.quiver.core.query.Hierarchy;
import dev.quiver.core.query.Index;
import dev.quiver.web.http.HttpError;
import dev.quiver.core.xref.Xref;
import dev.quiver.core.xref.XrefQuery;
import dev.quiver.core.xref.XrefResult;
import dev.quiver.core.xref.XrefRow;
import dev.quiver.web.http.Call;
import dev.quiver.web.http.Params;
import dev.quiver.web.http.Router;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graphs as nodes and edges with stable ids (signatures and descriptors), for the UI's
 * interactive views: the call graph around a method ({@code /api/v1/graph/calls}), grown a level
 * at a time as the user expands nodes, and the inheritance around a type
 * ({@code /api/v1/graph/classes}). Both are capped in nodes; {@code truncated} says when the cap
 * cut the answer.
 *
 * <p>The call graph is built on cross-reference walks: at depth 1 every edge of the root is
 * there; deeper levels carry, for each method, the edge through which the walk first reached it.
 */
final class GraphRoutes {
    static final int DEFAULT_NODES = 200;
    static final int MAX_NODES = 2000;
    static final int MAX_GRAPH_DEPTH = 5;

    private final Index index;

    GraphRoutes(Index index) {
        this.index = index;
    }

    void register(Router r) {
        r.get("/api/v1/graph/calls", this::calls);
        r.get("/api/v1/graph/classes", this::classes);
    }

    /** One node of the answer. */
    private record Node(String id, boolean defined, int depth, String side) {
    }

    /** One edge: {@code source} calls (or extends / implements) {@code target}. */
    private record Edge(String source, String target, String kind, boolean dispatch, int sites) {
    }

    private void calls(Call call) throws Exception {
        Params p = call.params();
        String method = p.required("method", "the method at the centre, a signature such as Lcom/a/B;->run()V");
        String direction = p.choice("direction", "both", List.of("callees", "callers", "both"));
        int depth = (int) p.number("depth", 1, 1, MAX_GRAPH_DEPTH);
        int maxNodes = (int) p.number("max_nodes", DEFAULT_NODES, 1, MAX_NODES);
        XrefQuery base = XrefQuery.of(XrefQuery.Target.CALLEES, method).withDepth(depth)
                .withDispatch(p.flag("dispatch")).withFilters(p.all("include"), p.all("exclude")).withApp(p.get("app"))
                .withLimit(maxNodes);
        p.rejectUnknown("method, direction, depth, dispatch, include, exclude, app, max_nodes");
        Map<String, Node> nodes = new LinkedHashMap<>();
        Set<Edge> edges = new LinkedHashSet<>();
        boolean truncated = false;
        List<String> roots = List.of();
        for (String dir : direction.equals("both") ? List.of("callees", "callers") : List.of(direction)) {
            boolean callees = dir.equals("callees");
            XrefQuery q = callees ? base : new XrefQuery(XrefQuery.Target.CALLERS, base.spec(), base.mode(),
                    base.ignoreCase(), base.depth(), base.dispatch(), base.include(), base.exclude(), false, base.app(),
                    base.limit());
            XrefResult r = Xref.run(index, q, call.deadline());
            roots = r.roots();
            for (String root : r.roots()) {
                if (!nodes.containsKey(root)) {
                    nodes.put(root, new Node(root, defined(root, call), 0, "root"));
                }
            }
            truncated |= r.truncated();
            for (XrefRow x : r.rows()) {
                if (nodes.size() >= maxNodes && !nodes.containsKey(x.method())) {
                    truncated = true;
                    continue;
                }
                nodes.putIfAbsent(x.method(), new Node(x.method(), x.defined(), x.depth(), callees ? "callee" : "caller"));
                String other = nodes.containsKey(x.ref()) ? x.ref() : x.depth() == 1 && r.roots().size() == 1
                        ? r.roots().get(0) : null;
                if (other != null) {
                    edges.add(callees ? new Edge(other, x.method(), x.kind(), x.dispatch(), x.sites())
                            : new Edge(x.method(), other, x.kind(), x.dispatch(), x.sites()));
                }
            }
        }
        boolean cut = truncated;
        List<String> rootList = roots;
        call.json(g -> {
            g.writeStartObject();
            Out.strings(g, "roots", rootList);
            writeNodes(g, nodes.values(), null);
            writeEdges(g, edges);
            g.writeBooleanField("truncated", cut);
            g.writeEndObject();
        });
    }

    /** Whether the index defines the method {@code sig} (a root may be a framework method). */
    private boolean defined(String sig, Call call) throws Exception {
        return !index.list(dev.quiver.core.query.ListQuery.of(dev.quiver.core.query.Listing.METHODS)
                .where("method", dev.quiver.core.query.NamePattern.exact(sig)).withColumns(List.of("id")).withPage(1, 0),
                call.deadline()).rows().isEmpty();
    }

    private void classes(Call call) throws Exception {
        Params p = call.params();
        String type = Descriptors.userType(p.required("type", "the class or interface, Lcom/a/B;"));
        if (!Descriptors.isFieldType(type)) {
            throw HttpError.badRequest("'" + type + "' is not a type descriptor (expected Lcom/a/B;)");
        }
        int up = (int) p.number("up", MAX_GRAPH_DEPTH, 0, 50);
        int down = (int) p.number("down", 1, 0, 50);
        int maxNodes = (int) p.number("max_nodes", DEFAULT_NODES, 1, MAX_NODES);
        p.rejectUnknown("type, up, down, max_nodes");
        Hierarchy h = Hierarchy.of(index, call.deadline());
        Map<String, Node> nodes = new LinkedHashMap<>();
        Set<Edge> edges = new LinkedHashSet<>();
        nodes.put(type, new Node(type, h.defines(type), 0, "root"));
        boolean truncated = walk(h, type, up, true, maxNodes, nodes, edges);
        truncated |= walk(h, type, down, false, maxNodes, nodes, edges);
        boolean cut = truncated;
        call.json(g -> {
            g.writeStartObject();
            Out.strings(g, "roots", List.of(type));
            writeNodes(g, nodes.values(), h);
            writeEdges(g, edges);
            g.writeBooleanField("truncated", cut);
            g.writeEndObject();
        });
    }

    /** Breadth-first up (supertypes) or down (subtypes) from {@code type}; true when the cap was hit. */
    private static boolean walk(Hierarchy h, String type, int levels, boolean up, int maxNodes, Map<String, Node> nodes,
                                Set<Edge> edges) {
        ArrayDeque<String> level = new ArrayDeque<>(List.of(type));
        for (int d = 1; d <= levels && !level.isEmpty(); d++) {
            ArrayDeque<String> next = new ArrayDeque<>();
            for (String t : level) {
                List<String[]> links = new ArrayList<>();
                if (up) {
                    String s = h.superclassOf(t);
                    if (s != null) {
                        links.add(new String[] {t, s, "extends"});
                    }
                    for (String i : h.interfacesOf(t)) {
                        links.add(new String[] {t, i, "implements"});
                    }
                } else {
                    for (String s : new java.util.TreeSet<>(h.directSubclasses(t))) {
                        links.add(new String[] {s, t, "extends"});
                    }
                    for (String s : new java.util.TreeSet<>(h.directImplementers(t))) {
                        links.add(new String[] {s, t, "implements"});
                    }
                }
                for (String[] l : links) {
                    String other = up ? l[1] : l[0];
                    if (!nodes.containsKey(other)) {
                        if (nodes.size() >= maxNodes) {
                            return true;
                        }
                        nodes.put(other, new Node(other, h.defines(other), up ? -d : d, up ? "super" : "sub"));
                        next.add(other);
                    }
                    edges.add(new Edge(l[0], l[1], l[2], false, 1));
                }
            }
            level = next;
        }
        return false;
    }

    private static void writeNodes(JsonGenerator g, java.util.Collection<Node> nodes, Hierarchy h) throws IOException {
        g.writeArrayFieldStart("nodes");
        for (Node n : nodes) {
            g.writeStartObject();
            g.writeStringField("id", n.id());
            g.writeBooleanField("defined", n.defined());
            if (h != null) {
                g.writeBooleanField("interface", h.isInterface(n.id()));
            }
            g.writeNumberField("depth", n.depth());
            g.writeStringField("side", n.side());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeEdges(JsonGenerator g, Set<Edge> edges) throws IOException {
        g.writeArrayFieldStart("edges");
        for (Edge e : edges) {
            g.writeStartObject();
            g.writeStringField("source", e.source());
            g.writeStringField("target", e.target());
            g.writeStringField("kind", e.kind());
            g.writeBooleanField("dispatch", e.dispatch());
            g.writeNumberField("sites", e.sites());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
