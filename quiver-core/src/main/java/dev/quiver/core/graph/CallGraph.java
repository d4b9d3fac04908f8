package dev.quiver.core.graph;

import dev.quiver.core.model.MethodRef;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.References;
import dev.quiver.core.query.References.Ident;
import dev.quiver.core.query.References.Call;
import dev.quiver.core.xref.ClassFilter;
import dev.quiver.core.xref.Dispatch;
import dev.quiver.core.xref.Roots;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds call graphs ({@link CallGraphQuery}) over the reference edges of an index. Two steps:
 * <ol>
 *   <li><b>Nodes</b>: breadth-first from the roots, level by level, callers and/or callees, with
 *       the same rules as {@code quiver xref} (exact calls; with dispatch, the rules of
 *       {@link Dispatch}; excluded methods are neither kept nor walked through; methods the index
 *       does not define end their branch). With both directions the two walks advance one level
 *       each in turn, so that the node count by depth is known when the cap stops the walk.</li>
 *   <li><b>Edges</b>: every call between two nodes, not only the edges the walk went along: all
 *       calls made by the nodes' code whose target is a node; with dispatch also the calls that
 *       either rule of {@link Dispatch} connects to a node (the callers rule or the callees rule),
 *       marked as dispatch edges when no instruction names the node itself.</li>
 * </ol>
 * Nodes are method identities, so overloads are never merged; methods known only by reference
 * (framework APIs) are external nodes. Pure Java over {@link References}: no SQL here.
 */
public final class CallGraph {
    private final References refs;
    private final CallGraphQuery q;
    private final Deadline deadline;
    private final Set<Long> apps;
    private final ClassFilter filter;
    private final Dispatch dispatch;
    /** Every node with the depth at which it was first reached, in either direction. */
    private final Map<Long, Integer> depth = new HashMap<>();
    /** The class of every node (what filters and the cap's advice look at). */
    private final Map<Long, String> classes = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Set<Long> roots = new LinkedHashSet<>();
    private final Map<Long, MethodRef> methodRefs = new HashMap<>();
    private final Map<String, List<Long>> calleeTargets = new HashMap<>();

    private CallGraph(Index index, CallGraphQuery q, Deadline deadline) throws QueryException {
        this.refs = References.of(index);
        this.q = q;
        this.deadline = deadline != null ? deadline : Deadline.none();
        this.apps = q.app() == null ? null : new LinkedHashSet<>(index.appIds(q.app()));
        this.filter = ClassFilter.of(q.include(), q.exclude());
        this.dispatch = q.dispatch() ? Dispatch.of(index, apps, this.deadline) : null;
    }

    /** Answers {@code q} on {@code index}; a graph over the cap is a {@code TOO_LARGE} error. */
    public static Graph build(Index index, CallGraphQuery q, Deadline deadline) throws QueryException {
        return new CallGraph(index, q, deadline).build();
    }

    /** One direction of the walk: what it has seen and where it goes next. */
    private final class Walk {
        final boolean callers;
        final Set<Long> seen = new HashSet<>(roots);
        Set<Long> frontier = new LinkedHashSet<>(roots);

        Walk(boolean callers) {
            this.callers = callers;
        }

        /** Walks one more level; the new nodes get depth {@code d}. */
        void step(int d) throws QueryException {
            deadline.check();
            Map<Long, String> found = callers ? callersOf(frontier) : calleesOf(frontier);
            List<Long> kept = new ArrayList<>();
            for (Map.Entry<Long, String> e : found.entrySet()) {
                if (seen.add(e.getKey()) && filter.accepts(e.getValue())) {
                    kept.add(e.getKey());
                    classes.put(e.getKey(), e.getValue());
                    depth.merge(e.getKey(), d, Math::min);
                }
            }
            // Only code can be walked: a callee the index does not define ends its branch.
            frontier = new LinkedHashSet<>(callers ? kept : refs.defined(kept, apps, deadline));
        }
    }

    private Graph build() throws QueryException {
        for (Ident r : Roots.methods(refs, q.spec(), q.mode(), q.ignoreCase(), deadline)) {
            roots.add(r.id());
            names.put(r.id(), r.signature());
            classes.put(r.id(), type(r.signature()));
            depth.put(r.id(), 0);
        }
        if (roots.size() > q.maxNodes()) {
            throw NodeCap.exceeded("call graph", q.maxNodes(), "'" + q.spec() + "' matches "
                    + NodeCap.count(roots.size()) + " methods", List.of("a narrower METHOD (a class, a name, a descriptor)"));
        }
        List<Walk> walks = new ArrayList<>();
        if (q.direction().callers()) {
            walks.add(new Walk(true));
        }
        if (q.direction().callees()) {
            walks.add(new Walk(false));
        }
        int max = q.depth() == 0 ? Integer.MAX_VALUE : q.depth();
        for (int d = 1; d <= max; d++) {
            boolean moved = false;
            for (Walk w : walks) {
                if (!w.frontier.isEmpty()) {
                    w.step(d);
                    moved = true;
                    checkCap(d, w.callers);
                }
            }
            if (!moved) {
                break;
            }
        }
        refs.nameMethods(depth.keySet(), names, deadline);
        return assemble();
    }

    private void checkCap(int d, boolean callers) throws QueryException {
        if (depth.size() <= q.maxNodes()) {
            return;
        }
        List<String> advice = new ArrayList<>();
        for (int k = d - 1; k >= 1; k--) {
            int n = 0;
            for (int v : depth.values()) {
                n += v <= k ? 1 : 0;
            }
            if (n <= q.maxNodes()) {
                advice.add("--depth " + k + " (" + NodeCap.count(n) + " nodes)");
                break;
            }
        }
        List<String> types = new ArrayList<>();
        for (Long id : depth.keySet()) {
            if (!roots.contains(id)) {
                types.add(classes.get(id));
            }
        }
        List<String> rootPackages = new ArrayList<>();
        for (Long r : roots) {
            String p = NodeCap.packagePrefix(classes.get(r));
            if (p != null) {
                rootPackages.add(p);
            }
        }
        List<String> busiest = NodeCap.busiestPackages(types, rootPackages);
        if (!busiest.isEmpty()) {
            advice.add("--exclude on the packages with the most nodes: " + String.join(", ", busiest));
        }
        if (q.direction() == CallGraphQuery.Direction.BOTH) {
            advice.add("one direction (--callers or --callees)");
        }
        throw NodeCap.exceeded("call graph", q.maxNodes(), NodeCap.count(depth.size()) + " nodes reached by depth " + d
                + " (" + (callers ? "callers" : "callees") + ")", advice);
    }

    // ---- the walk -------------------------------------------------------------------------------

    /**
     * Methods whose code calls one of {@code targets} (with dispatch: or may run one of them), with
     * their classes.
     */
    private Map<Long, String> callersOf(Set<Long> targets) throws QueryException {
        Set<Long> named = new LinkedHashSet<>(targets);
        // identity a call may name instead of a target -> whether calls of any kind (not only virtual) reach it
        Map<Long, Boolean> anyKind = new HashMap<>();
        if (dispatch != null) {
            loadRefs(targets);
            for (Long t : targets) {
                MethodRef ref = methodRefs.get(t);
                if (ref == null) {
                    continue;
                }
                for (Map.Entry<Long, Boolean> e : dispatch.callerTargets(ref).entrySet()) {
                    if (!targets.contains(e.getKey())) {
                        named.add(e.getKey());
                        anyKind.merge(e.getKey(), !e.getValue(), Boolean::logicalOr);
                    }
                }
            }
        }
        Map<Long, String> out = new LinkedHashMap<>();
        for (Call c : refs.callEdgesTo(named, apps, deadline)) {
            if (targets.contains(c.to()) || anyKind.getOrDefault(c.to(), false) || Dispatch.isVirtual(c.kind())) {
                out.put(c.from(), c.fromClass());
            }
        }
        return out;
    }

    /** Methods the code of {@code callers} calls (with dispatch: or may run), with their classes. */
    private Map<Long, String> calleesOf(Set<Long> callers) throws QueryException {
        List<Call> calls = refs.callEdgesFrom(callers, apps, deadline);
        Map<Long, String> out = new LinkedHashMap<>();
        for (Call c : calls) {
            out.put(c.to(), c.toClass());
        }
        if (dispatch != null) {
            loadRefs(out.keySet());
            Set<Long> extra = new LinkedHashSet<>();
            for (Call c : calls) {
                extra.addAll(dispatchedCallees(c));
            }
            loadRefs(extra);
            for (Long t : extra) {
                out.putIfAbsent(t, methodRefs.get(t).owner());
            }
        }
        return out;
    }

    /** What a call may run besides the method it names (the callees rule of {@link Dispatch}). */
    private List<Long> dispatchedCallees(Call c) throws QueryException {
        MethodRef ref = methodRefs.get(c.to());
        if (ref == null) {
            return List.of();
        }
        String key = c.to() + (Dispatch.isVirtual(c.kind()) ? "v" : "");
        List<Long> out = calleeTargets.get(key);
        if (out == null) {
            out = dispatch.calleeTargets(ref, c.kind());
            calleeTargets.put(key, out);
        }
        return out;
    }

    /** Loads the method references of {@code ids} that are not loaded yet, in one lookup. */
    private void loadRefs(Collection<Long> ids) throws QueryException {
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            if (!methodRefs.containsKey(id)) {
                missing.add(id);
            }
        }
        Map<Long, MethodRef> found = refs.methods(missing, deadline);
        for (Long id : missing) {
            methodRefs.put(id, found.get(id)); // null is remembered too: an id the index does not know
        }
    }

    // ---- the edges ------------------------------------------------------------------------------

    /** The calls of one ordered pair of nodes. */
    private static final class Calls {
        final Set<String> kinds = new TreeSet<>();
        int sites;
        int exact;
    }

    private Graph assemble() throws QueryException {
        Set<Long> nodes = depth.keySet();
        // The callers rule, turned around: identity a call names -> nodes it may run, and whether any kind of call does.
        Map<Long, Map<Long, Boolean>> reaches = new HashMap<>();
        if (dispatch != null) {
            loadRefs(nodes);
            for (Long t : nodes) {
                MethodRef ref = methodRefs.get(t);
                if (ref != null) {
                    for (Map.Entry<Long, Boolean> e : dispatch.callerTargets(ref).entrySet()) {
                        reaches.computeIfAbsent(e.getKey(), k -> new HashMap<>()).merge(t, !e.getValue(),
                                Boolean::logicalOr);
                    }
                }
            }
        }
        List<Call> calls = refs.callEdgesFrom(nodes, apps, deadline);
        if (dispatch != null) {
            Set<Long> named = new HashSet<>();
            for (Call c : calls) {
                named.add(c.to());
            }
            loadRefs(named);
        }
        Map<Long, Map<Long, Calls>> pairs = new HashMap<>();
        for (Call c : calls) {
            deadline.check();
            if (nodes.contains(c.to())) {
                add(pairs, c, c.to(), true);
            }
            if (dispatch == null) {
                continue;
            }
            Set<Long> via = new TreeSet<>();
            for (Map.Entry<Long, Boolean> e : reaches.getOrDefault(c.to(), Map.of()).entrySet()) {
                if (e.getValue() || Dispatch.isVirtual(c.kind())) {
                    via.add(e.getKey());
                }
            }
            for (Long t : dispatchedCallees(c)) {
                if (nodes.contains(t)) {
                    via.add(t);
                }
            }
            via.remove(c.to());
            for (Long t : via) {
                add(pairs, c, t, false);
            }
        }
        Set<Long> defined = refs.defined(nodes, apps, deadline);
        List<Graph.Node> outNodes = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : depth.entrySet()) {
            EnumSet<Graph.Flag> flags = EnumSet.noneOf(Graph.Flag.class);
            if (roots.contains(e.getKey())) {
                flags.add(Graph.Flag.ROOT);
            }
            if (!defined.contains(e.getKey())) {
                flags.add(Graph.Flag.EXTERNAL);
            }
            outNodes.add(new Graph.Node(names.get(e.getKey()), classes.get(e.getKey()), e.getValue(), flags));
        }
        List<Graph.Edge> outEdges = new ArrayList<>();
        for (Map.Entry<Long, Map<Long, Calls>> from : pairs.entrySet()) {
            for (Map.Entry<Long, Calls> to : from.getValue().entrySet()) {
                Calls c = to.getValue();
                outEdges.add(new Graph.Edge(names.get(from.getKey()), names.get(to.getKey()), List.copyOf(c.kinds), c.sites,
                        c.exact == 0));
            }
        }
        List<String> rootNames = new ArrayList<>();
        for (Long r : roots) {
            rootNames.add(names.get(r));
        }
        return new Graph(Graph.Kind.CALLS, title(rootNames), rootNames, outNodes, outEdges);
    }

    private static void add(Map<Long, Map<Long, Calls>> pairs, Call call, long to, boolean exact) {
        Calls c = pairs.computeIfAbsent(call.from(), k -> new HashMap<>()).computeIfAbsent(to, k -> new Calls());
        c.kinds.add(call.kind());
        c.sites++;
        c.exact += exact ? 1 : 0;
    }

    private String title(List<String> rootNames) {
        String what = switch (q.direction()) {
            case CALLERS -> "callers of ";
            case CALLEES -> "callees of ";
            case BOTH -> "callers and callees of ";
        };
        String of = rootNames.size() == 1 ? Labels.qualified(rootNames.get(0))
                : q.spec() + " (" + rootNames.size() + " methods)";
        return what + of + ", depth " + (q.depth() == 0 ? "unlimited" : q.depth())
                + (q.dispatch() ? ", with virtual dispatch" : "");
    }

    /** The class of a method signature. */
    static String type(String signature) {
        int arrow = signature.indexOf("->");
        return arrow > 0 ? signature.substring(0, arrow) : signature;
    }
}
