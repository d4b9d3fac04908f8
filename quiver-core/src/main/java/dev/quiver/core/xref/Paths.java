package dev.quiver.core.xref;

import dev.quiver.core.model.MethodRef;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Hierarchy;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.References;
import dev.quiver.core.query.References.Ident;
import dev.quiver.core.query.References.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Call paths between two sets of methods, shortest first (with {@code callbacks}, also through objects created
 * for the framework to call back: {@link Callbacks}). A backward breadth-first walk from the
 * targets measures, for every method that can reach them, its distance to them and keeps the call
 * edges seen; paths are then enumerated forward from the sources, length by length, never
 * leaving that corridor and never visiting a method twice in one path. Cycles therefore cannot
 * make it loop, and a path is only ever built if it exists.
 */
public final class Paths {
    /** An edge of the corridor: {@code site} in {@code from}'s code calls {@code to}. */
    private record Edge(long to, Site site, boolean dispatch) {
    }

    private final Index index;
    private final References refs;
    private final PathQuery q;
    private final Deadline deadline;
    private final Set<Long> apps;
    private final ClassFilter filter;
    private final Map<Long, Integer> distance = new HashMap<>();
    private final Map<Long, List<Edge>> out = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();

    private Paths(Index index, PathQuery q, Deadline deadline) throws QueryException {
        this.index = index;
        this.refs = References.of(index);
        this.q = q;
        this.deadline = deadline != null ? deadline : Deadline.none();
        this.apps = q.app() == null ? null : new LinkedHashSet<>(index.appIds(q.app()));
        this.filter = ClassFilter.of(q.include(), q.exclude());
    }

    /** The answer: at most {@code q.limit()} paths, shortest first, then by signatures. */
    public static List<CallPath> find(Index index, PathQuery q, Deadline deadline) throws QueryException {
        return new Paths(index, q, deadline).find();
    }

    private List<CallPath> find() throws QueryException {
        List<Ident> targets = Roots.methods(refs, q.to(), null, false, deadline);
        Set<Long> sources = new LinkedHashSet<>(q.sources());
        if (q.from() != null) {
            for (Ident i : Roots.methods(refs, q.from(), null, false, deadline)) {
                sources.add(i.id());
            }
        }
        int max = q.depth() == 0 ? Integer.MAX_VALUE : q.depth();
        Dispatch dispatch = q.dispatch() ? new Dispatch(refs, Hierarchy.of(index, deadline), apps, deadline) : null;
        Callbacks callbacks = q.callbacks() ? new Callbacks(refs, Hierarchy.of(index, deadline), apps, deadline) : null;
        Set<Long> frontier = new LinkedHashSet<>();
        for (Ident t : targets) {
            distance.put(t.id(), 0);
            names.put(t.id(), t.signature());
            frontier.add(t.id());
        }
        for (int d = 1; d <= max && !frontier.isEmpty(); d++) {
            deadline.check();
            Map<Long, Long> via = new HashMap<>();
            Set<Long> all = new LinkedHashSet<>(frontier);
            Set<Long> virtualOnly = new HashSet<>();
            if (dispatch != null) {
                Map<Long, MethodRef> m = refs.methods(frontier, deadline);
                for (Long t : frontier) {
                    if (m.get(t) == null) {
                        continue;
                    }
                    for (Map.Entry<Long, Boolean> e : dispatch.callerTargets(m.get(t)).entrySet()) {
                        if (!frontier.contains(e.getKey()) && all.add(e.getKey())) {
                            via.put(e.getKey(), t);
                            if (e.getValue()) {
                                virtualOnly.add(e.getKey());
                            }
                        }
                    }
                }
            }
            // With callbacks: a call to a constructor of X leads to X's callback methods in the frontier.
            Set<Long> direct = new HashSet<>(all);
            Map<Long, List<Long>> createdBy = new HashMap<>();
            if (callbacks != null) {
                for (Map.Entry<Long, List<Long>> e : callbacks.constructors(frontier).entrySet()) {
                    for (Long ctor : e.getValue()) {
                        all.add(ctor);
                        createdBy.computeIfAbsent(ctor, k -> new ArrayList<>()).add(e.getKey());
                    }
                }
            }
            Set<Long> next = new LinkedHashSet<>();
            for (Site s : refs.callsTo(all, apps, deadline)) {
                for (Long cb : createdBy.getOrDefault(s.to(), List.of())) {
                    Site step = new Site(s.from(), cb, "callback", null, s.path(), s.line(), s.app());
                    out.computeIfAbsent(s.from(), k -> new ArrayList<>()).add(new Edge(cb, step, false));
                    if (!distance.containsKey(s.from())) {
                        distance.put(s.from(), d);
                        next.add(s.from());
                    }
                }
                if (!direct.contains(s.to())) {
                    continue;
                }
                if (virtualOnly.contains(s.to()) && !Dispatch.isVirtual(s.kind())) {
                    continue;
                }
                long to = via.getOrDefault(s.to(), s.to());
                out.computeIfAbsent(s.from(), k -> new ArrayList<>()).add(new Edge(to, s, via.containsKey(s.to())));
                if (!distance.containsKey(s.from())) {
                    distance.put(s.from(), d);
                    next.add(s.from());
                }
            }
            frontier = next;
        }
        Set<Long> reachable = new HashSet<>(distance.keySet());
        reachable.retainAll(sources);
        if (reachable.isEmpty()) {
            return List.of();
        }
        names(distance.keySet());
        List<Long> starts = new ArrayList<>(reachable);
        starts.sort(Comparator.comparing(names::get));
        for (List<Edge> edges : out.values()) {
            edges.sort(Comparator.comparing((Edge e) -> names.getOrDefault(e.to(), ""))
                    .thenComparing(e -> e.site().path() == null ? "" : e.site().path())
                    .thenComparingInt(e -> e.site().line()));
        }
        Set<Long> targetIds = new HashSet<>();
        for (Ident t : targets) {
            targetIds.add(t.id());
        }
        List<CallPath> found = new ArrayList<>();
        int shortest = Integer.MAX_VALUE;
        for (Long s : starts) {
            shortest = Math.min(shortest, distance.get(s));
        }
        for (int len = shortest; len <= max && found.size() < q.limit() && len < distance.size() + 1; len++) {
            for (Long s : starts) {
                if (distance.get(s) <= len && found.size() < q.limit()) {
                    List<Edge> stack = new ArrayList<>();
                    Set<Long> onPath = new HashSet<>(List.of(s));
                    walk(s, s, len, stack, onPath, targetIds, found);
                }
            }
        }
        return found;
    }

    /** Depth-first: every simple path of exactly {@code left} more calls from {@code at} to a target. */
    private void walk(long start, long at, int left, List<Edge> stack, Set<Long> onPath, Set<Long> targets,
                      List<CallPath> found) {
        deadline.check();
        if (found.size() >= q.limit()) {
            return;
        }
        if (left == 0) {
            if (targets.contains(at)) {
                found.add(path(start, stack));
            }
            return;
        }
        for (Edge e : out.getOrDefault(at, List.of())) {
            Integer d = distance.get(e.to());
            if (d == null || d > left - 1 || onPath.contains(e.to())) {
                continue;
            }
            if (!targets.contains(e.to()) && !filter.accepts(names.get(e.to()))) {
                continue;
            }
            stack.add(e);
            onPath.add(e.to());
            walk(start, e.to(), left - 1, stack, onPath, targets, found);
            onPath.remove(e.to());
            stack.remove(stack.size() - 1);
            if (found.size() >= q.limit()) {
                return;
            }
        }
    }

    private CallPath path(long start, List<Edge> stack) {
        List<CallPath.Step> steps = new ArrayList<>();
        long at = start;
        for (Edge e : stack) {
            steps.add(new CallPath.Step(names.get(at), e.site().kind(), e.dispatch(), e.site().path(), e.site().line()));
            at = e.to();
        }
        steps.add(new CallPath.Step(names.get(at), null, false, null, 0));
        return new CallPath(steps);
    }

    private void names(Set<Long> ids) throws QueryException {
        refs.nameMethods(ids, names, deadline);
    }
}
