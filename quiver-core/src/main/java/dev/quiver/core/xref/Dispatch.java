package dev.quiver.core.xref;

import dev.quiver.core.model.MethodRef;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Hierarchy;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.References;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Virtual dispatch over the index's class hierarchy, for {@code --dispatch}. Documented in
 * docs/QUERIES.md ("Resolving a call"):
 * <ul>
 *   <li><b>Callers</b> of {@code C->m(d)} also include (1) calls written against a supertype
 *       {@code S->m(d)} of {@code C} with {@code invoke-virtual} or {@code invoke-interface}, when
 *       {@code C} defines {@code m(d)}: on a {@code C} object they run {@code C}'s code; and (2) calls of
 *       any kind written against a subtype {@code Y->m(d)} that inherits {@code m(d)} from {@code C}
 *       (no type between them overrides it).</li>
 *   <li><b>Callees</b>: a call to {@code C->m(d)} that {@code C} does not define resolves up the
 *       superclass chain (then the interfaces, for default methods) to the first definition; an
 *       {@code invoke-virtual}/{@code invoke-interface} also reaches every override of {@code m(d)} in
 *       a subtype of {@code C}.</li>
 * </ul>
 * Types the index does not define (framework classes) have no known supertypes: dispatch through
 * framework code is not seen.
 */
public final class Dispatch {
    private final References refs;
    private final Hierarchy hierarchy;
    private final Set<Long> apps;
    private final Deadline deadline;
    private final Map<String, Map<String, Long>> definers = new HashMap<>();
    private final Map<String, Map<String, Long>> identities = new HashMap<>();

    /** Dispatch over {@code index}'s hierarchy, looking only in {@code apps} (null: all). */
    public static Dispatch of(dev.quiver.core.query.Index index, Set<Long> apps, Deadline deadline)
            throws QueryException {
        return new Dispatch(References.of(index), Hierarchy.of(index, deadline), apps, deadline);
    }

    Dispatch(References refs, Hierarchy hierarchy, Set<Long> apps, Deadline deadline) {
        this.refs = refs;
        this.hierarchy = hierarchy;
        this.apps = apps;
        this.deadline = deadline;
    }

    /** True for the invoke kinds that dispatch on the receiver's class. */
    public static boolean isVirtual(String kind) {
        return kind.startsWith("virtual") || kind.startsWith("interface");
    }

    private Map<String, Long> definers(MethodRef m) throws QueryException {
        String key = m.name() + m.descriptor();
        Map<String, Long> d = definers.get(key);
        if (d == null) {
            d = refs.definers(m.name(), m.descriptor(), apps, deadline);
            definers.put(key, d);
        }
        return d;
    }

    private Map<String, Long> identities(MethodRef m) throws QueryException {
        String key = m.name() + m.descriptor();
        Map<String, Long> d = identities.get(key);
        if (d == null) {
            d = refs.identitiesNamed(m.name(), m.descriptor(), deadline);
            identities.put(key, d);
        }
        return d;
    }

    /**
     * Identities whose calls can dispatch to {@code target} (not {@code target} itself), each with
     * whether only virtual invokes of it count. Ordered by discovery: nearest types first.
     */
    public Map<Long, Boolean> callerTargets(MethodRef target) throws QueryException {
        Map<Long, Boolean> out = new LinkedHashMap<>();
        Map<String, Long> defs = definers(target);
        Map<String, Long> ids = identities(target);
        if (defs.containsKey(target.owner())) {
            for (String s : hierarchy.supertypes(target.owner())) {
                Long id = ids.get(s);
                if (id != null) {
                    out.putIfAbsent(id, true);
                }
            }
        }
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(target.owner()));
        Set<String> seen = new java.util.HashSet<>(todo);
        while (!todo.isEmpty()) {
            String t = todo.poll();
            List<String> below = new ArrayList<>(hierarchy.directSubclasses(t));
            below.addAll(hierarchy.directImplementers(t));
            for (String y : below) {
                if (!seen.add(y) || defs.containsKey(y)) {
                    continue; // y overrides m: neither it nor what is below it inherits target's code
                }
                Long id = ids.get(y);
                if (id != null) {
                    out.put(id, false);
                }
                todo.add(y);
            }
        }
        return out;
    }

    /** Identities a call of {@code kind} to {@code target} can also run, besides {@code target} itself. */
    public List<Long> calleeTargets(MethodRef target, String kind) throws QueryException {
        List<Long> out = new ArrayList<>();
        Map<String, Long> defs = definers(target);
        if (!defs.containsKey(target.owner())) {
            List<String> up = new ArrayList<>(hierarchy.superclassChain(target.owner()));
            up.addAll(hierarchy.supertypes(target.owner()));
            for (String s : up) {
                Long id = defs.get(s);
                if (id != null) {
                    out.add(id);
                    break;
                }
            }
        }
        if (isVirtual(kind)) {
            for (String y : hierarchy.subtypes(target.owner())) {
                Long id = defs.get(y);
                if (id != null && !out.contains(id)) {
                    out.add(id);
                }
            }
        }
        return out;
    }
}
