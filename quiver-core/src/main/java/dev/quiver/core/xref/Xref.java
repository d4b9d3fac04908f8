package dev.quiver.core.xref;

import dev.quiver.core.model.FieldRef;
import dev.quiver.core.model.MethodRef;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Hierarchy;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.NamePattern;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.References;
import dev.quiver.core.query.References.Group;
import dev.quiver.core.query.References.Ident;
import dev.quiver.core.query.References.Site;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-references: a breadth-first walk over the reference edges of an index, from the roots a
 * {@link XrefQuery} names. Every method is reported once, at the depth where it is first reached,
 * so recursion and mutual recursion end the walk instead of looping; rows are ordered by depth,
 * then signature, whatever the database's row order. Pure Java over {@link References}.
 */
public final class Xref {
    private final Index index;
    private final References refs;
    private final XrefQuery q;
    private final Deadline deadline;
    private final Set<Long> apps;
    private final ClassFilter filter;
    private final List<String> notes = new ArrayList<>();
    private final Map<Long, String> names = new HashMap<>();
    /** For each method reached, the node it was reached from (in the walk's direction); roots map to -1. */
    private final Map<Long, Long> parent = new HashMap<>();
    private Dispatch dispatch;

    private Xref(Index index, XrefQuery q, Deadline deadline) throws QueryException {
        this.index = index;
        this.refs = References.of(index);
        this.q = q;
        this.deadline = deadline != null ? deadline : Deadline.none();
        this.apps = q.app() == null ? null : new LinkedHashSet<>(index.appIds(q.app()));
        this.filter = ClassFilter.of(q.include(), q.exclude());
    }

    /** Answers {@code q} on {@code index}. */
    public static XrefResult run(Index index, XrefQuery q, Deadline deadline) throws QueryException {
        return new Xref(index, q, deadline).run();
    }

    private XrefResult run() throws QueryException {
        if (q.dispatch()) {
            dispatch = new Dispatch(refs, Hierarchy.of(index, deadline), apps, deadline);
        }
        return switch (q.target()) {
            case CALLEES -> callees();
            default -> backwards();
        };
    }

    private int maxDepth() {
        return q.depth() == 0 ? Integer.MAX_VALUE : q.depth();
    }

    /** Callers, readers, writers, string and type users: level 1 from the target, then callers. */
    private XrefResult backwards() throws QueryException {
        List<String> rootNames = new ArrayList<>();
        Set<Long> frontier = new LinkedHashSet<>();
        List<Group> groups;
        Map<Long, Long> viaDispatch = new HashMap<>();
        switch (q.target()) {
            case CALLERS -> {
                List<Ident> roots = Roots.methods(refs, q.spec(), q.mode(), q.ignoreCase(), deadline);
                for (Ident r : roots) {
                    rootNames.add(r.signature());
                    names.put(r.id(), r.signature());
                    parent.put(r.id(), -1L);
                    frontier.add(r.id());
                }
                noteMany(roots.size(), "methods");
                groups = callersOf(frontier, viaDispatch);
            }
            case READERS, WRITERS -> {
                List<Ident> roots = Roots.fields(refs, q.spec(), q.mode(), q.ignoreCase(), deadline);
                List<Long> ids = new ArrayList<>();
                for (Ident r : roots) {
                    rootNames.add(r.signature());
                    ids.add(r.id());
                }
                noteMany(roots.size(), "fields");
                List<Site> sites = refs.fieldAccesses(ids, q.target() == XrefQuery.Target.READERS
                        ? References.Access.READ : References.Access.WRITE, apps, deadline);
                Map<Long, FieldRef> f = refs.fields(ids, deadline);
                groups = groups(sites, id -> f.get(id).toString());
            }
            case STRING_USERS -> {
                NamePattern p = Roots.string(q.spec(), q.mode(), q.ignoreCase());
                rootNames.add(q.spec());
                groups = groups(refs.stringLoads(p, apps, deadline), null);
            }
            case TYPE_USERS -> {
                NamePattern p = Roots.type(q.spec(), q.mode(), q.ignoreCase());
                rootNames.add(q.spec());
                groups = groups(refs.typeUses(p, apps, deadline), null);
            }
            default -> throw new IllegalStateException(q.target().toString());
        }
        List<XrefRow> rows = new ArrayList<>();
        boolean truncated = false;
        Set<Long> visited = new HashSet<>(frontier);
        for (int depth = 1; depth <= maxDepth(); depth++) {
            deadline.check();
            if (depth > 1) {
                viaDispatch.clear();
                groups = callersOf(frontier, viaDispatch);
            }
            Map<Long, List<Group>> byCaller = new LinkedHashMap<>();
            for (Group g : groups) {
                if (!visited.contains(g.from())) {
                    byCaller.computeIfAbsent(g.from(), k -> new ArrayList<>()).add(g);
                    if (g.fromName() != null) {
                        names.putIfAbsent(g.from(), g.fromName());
                    }
                }
            }
            name(byCaller.keySet());
            List<Long> found = new ArrayList<>();
            for (Long caller : byCaller.keySet()) {
                if (filter.accepts(names.get(caller))) {
                    found.add(caller);
                }
            }
            found.sort(Comparator.comparing(names::get));
            Set<Long> next = new LinkedHashSet<>();
            for (Long caller : found) {
                if (q.limit() > 0 && rows.size() >= q.limit()) {
                    truncated = true;
                    break;
                }
                Group best = null;
                boolean exact = false;
                int sites = 0;
                for (Group g : byCaller.get(caller)) {
                    sites += g.sites();
                    boolean e = !viaDispatch.containsKey(g.to());
                    if (best == null || e && !exact || e == exact && g.first() < best.first()) {
                        best = g;
                        exact = e;
                    }
                }
                long to = viaDispatch.getOrDefault(best.to(), best.to());
                parent.put(caller, depth == 1 && q.target() != XrefQuery.Target.CALLERS ? -1L : to);
                String ref = best.value() != null ? best.value() : labelOf(best.to());
                rows.add(new XrefRow(names.get(caller), depth, ref, best.kind(), !exact, true, best.path(),
                        best.line(), sites, q.paths() ? chainTowardsRoot(caller) : List.of()));
                next.add(caller);
            }
            visited.addAll(byCaller.keySet());
            frontier = next;
            if (frontier.isEmpty() || truncated) {
                break;
            }
        }
        if (truncated) {
            notes.add("stopped at " + q.limit() + " rows (--limit); there are more");
        }
        return new XrefResult(rootNames, rows, truncated, notes);
    }

    /**
     * Level-1 sites of a field, string or type as groups (one per site; the order of the list is
     * the database's, which makes the first one reported deterministic).
     */
    private static List<Group> groups(List<Site> sites, java.util.function.LongFunction<String> label) {
        List<Group> out = new ArrayList<>(sites.size());
        long ordinal = 0;
        for (Site s : sites) {
            String value = label != null ? label.apply(s.to()) : s.value();
            out.add(new Group(s.from(), null, s.to(), 1, ordinal++, s.kind(), value, s.path(), s.line(), s.app()));
        }
        return out;
    }

    /** Calls of any of {@code targets}, plus those reaching them by dispatch (recorded in {@code via}), grouped. */
    private List<Group> callersOf(Set<Long> targets, Map<Long, Long> via) throws QueryException {
        Set<Long> all = new LinkedHashSet<>(targets);
        Set<Long> virtualOnly = new HashSet<>();
        if (dispatch != null) {
            Map<Long, MethodRef> m = refs.methods(targets, deadline);
            for (Long t : targets) {
                MethodRef ref = m.get(t);
                if (ref == null) {
                    continue;
                }
                for (Map.Entry<Long, Boolean> e : dispatch.callerTargets(ref).entrySet()) {
                    if (!targets.contains(e.getKey()) && all.add(e.getKey())) {
                        via.put(e.getKey(), t);
                        if (e.getValue()) {
                            virtualOnly.add(e.getKey());
                        }
                    }
                }
            }
        }
        if (virtualOnly.isEmpty()) {
            return refs.callerGroups(all, apps, deadline);
        }
        // Targets reached only through a supertype count only for virtual invokes: their sites are read one by one.
        Set<Long> grouped = new LinkedHashSet<>(all);
        grouped.removeAll(virtualOnly);
        List<Group> out = new ArrayList<>(refs.callerGroups(grouped, apps, deadline));
        Map<String, Group> merged = new LinkedHashMap<>();
        long ordinal = Long.MAX_VALUE / 2;
        for (Site s : refs.callsTo(virtualOnly, apps, deadline)) {
            if (!Dispatch.isVirtual(s.kind())) {
                continue;
            }
            String key = s.from() + ":" + s.to();
            Group g = merged.get(key);
            merged.put(key, g == null ? new Group(s.from(), null, s.to(), 1, ordinal++, s.kind(), null, s.path(), s.line(),
                    s.app()) : new Group(g.from(), null, g.to(), g.sites() + 1, g.first(), g.kind(), null, g.path(),
                    g.line(), g.app()));
        }
        out.addAll(merged.values());
        return out;
    }

    /** Callees: what the roots' code calls, then what that code calls. */
    private XrefResult callees() throws QueryException {
        if (q.target() != XrefQuery.Target.CALLEES) {
            throw new IllegalStateException();
        }
        List<Ident> roots = Roots.methods(refs, q.spec(), q.mode(), q.ignoreCase(), deadline);
        noteMany(roots.size(), "methods");
        List<String> rootNames = new ArrayList<>();
        Set<Long> frontier = new LinkedHashSet<>();
        for (Ident r : roots) {
            rootNames.add(r.signature());
            names.put(r.id(), r.signature());
            parent.put(r.id(), -1L);
            frontier.add(r.id());
        }
        Set<Long> visited = new HashSet<>(frontier);
        List<XrefRow> rows = new ArrayList<>();
        boolean truncated = false;
        for (int depth = 1; depth <= maxDepth() && !frontier.isEmpty(); depth++) {
            deadline.check();
            List<Site> sites = refs.callsFrom(frontier, apps, deadline);
            Set<Long> viaDispatch = new HashSet<>();
            if (dispatch != null) {
                Set<Long> targets = new LinkedHashSet<>();
                for (Site s : sites) {
                    targets.add(s.to());
                }
                Map<Long, MethodRef> m = refs.methods(targets, deadline);
                List<Site> more = new ArrayList<>();
                Set<Long> exact = new HashSet<>(targets);
                for (Site s : sites) {
                    MethodRef ref = m.get(s.to());
                    if (ref == null) {
                        continue;
                    }
                    for (Long extra : dispatch.calleeTargets(ref, s.kind())) {
                        more.add(new Site(s.from(), extra, s.kind(), null, s.path(), s.line(), s.app()));
                        if (!exact.contains(extra)) {
                            viaDispatch.add(extra);
                        }
                    }
                }
                sites = new ArrayList<>(sites);
                sites.addAll(more);
            }
            Map<Long, List<Site>> byCallee = group(sites, Site::to, visited);
            name(byCallee.keySet());
            Set<Long> defined = refs.defined(byCallee.keySet(), apps, deadline);
            List<Long> found = new ArrayList<>();
            for (Long callee : byCallee.keySet()) {
                if (filter.accepts(names.get(callee))) {
                    found.add(callee);
                }
            }
            found.sort(Comparator.comparing(names::get));
            Set<Long> next = new LinkedHashSet<>();
            for (Long callee : found) {
                if (q.limit() > 0 && rows.size() >= q.limit()) {
                    truncated = true;
                    break;
                }
                List<Site> own = byCallee.get(callee);
                Site best = own.get(0);
                parent.put(callee, best.from());
                name(List.of(best.from()));
                rows.add(new XrefRow(names.get(callee), depth, names.get(best.from()), best.kind(),
                        viaDispatch.contains(callee), defined.contains(callee), best.path(), best.line(), own.size(),
                        q.paths() ? chainFromRoot(callee) : List.of()));
                if (defined.contains(callee)) {
                    next.add(callee);
                }
            }
            visited.addAll(byCallee.keySet());
            frontier = next;
            if (truncated) {
                notes.add("stopped at " + q.limit() + " rows (--limit); there are more");
                break;
            }
        }
        return new XrefResult(rootNames, rows, truncated, notes);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * Groups sites by {@code key}, leaving out already visited nodes; each group keeps its sites in
     * (path, line, kind) order so that the reported site is the same on every run.
     */
    private static Map<Long, List<Site>> group(List<Site> sites, java.util.function.ToLongFunction<Site> key,
                                               Set<Long> visited) {
        Map<Long, List<Site>> out = new LinkedHashMap<>();
        for (Site s : sites) {
            long k = key.applyAsLong(s);
            if (!visited.contains(k)) {
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(s);
            }
        }
        Comparator<Site> order = Comparator.comparing((Site s) -> s.path() == null ? "" : s.path())
                .thenComparingInt(Site::line).thenComparing(Site::kind).thenComparingLong(Site::to);
        for (List<Site> l : out.values()) {
            l.sort(order);
        }
        return out;
    }

    private void name(Collection<Long> ids) throws QueryException {
        refs.nameMethods(ids, names, deadline);
    }

    private String labelOf(long id) throws QueryException {
        String n = names.get(id);
        if (n == null) {
            name(List.of(id));
            n = names.get(id);
        }
        return n;
    }

    /** Backward walks: the chain in call order, from this method down to a root. */
    private List<String> chainTowardsRoot(long m) {
        List<String> out = new ArrayList<>();
        long cur = m;
        while (cur != -1L) {
            out.add(names.get(cur));
            cur = parent.getOrDefault(cur, -1L);
        }
        return out;
    }

    /** Forward walks: the chain in call order, from a root to this method. */
    private List<String> chainFromRoot(long m) {
        List<String> out = chainTowardsRoot(m);
        java.util.Collections.reverse(out);
        return out;
    }

    private void noteMany(int n, String what) {
        if (n > 1) {
            notes.add("the pattern matched " + n + " " + what + "; rows cover all of them");
        }
    }
}
