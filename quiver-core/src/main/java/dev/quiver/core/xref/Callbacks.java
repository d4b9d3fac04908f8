package dev.quiver.core.xref;

import dev.quiver.core.model.MethodRef;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Hierarchy;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.References;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Framework callbacks, for paths with {@code --callbacks}: code that creates an object of an app class
 * {@code X} ({@code new X}, i.e. a call to an {@code X.<init>}) is taken to reach the instance methods of
 * {@code X} whenever {@code X} has a supertype the index does not define (a framework class or interface
 * such as {@code View$OnClickListener}, {@code Runnable}, {@code Handler}): the framework may call any of
 * them back. This is how an activity's {@code onCreate} reaches the {@code onClick} of the listener it
 * registers. It over-approximates (not every method of such a class overrides a framework method, and an
 * object created is not always registered), so paths through it are marked {@code callback}.
 */
final class Callbacks {
    private static final String OBJECT = "Ljava/lang/Object;";

    private final References refs;
    private final Hierarchy hierarchy;
    private final Set<Long> apps;
    private final Deadline deadline;
    private final Map<String, List<Long>> constructors = new HashMap<>();
    private final Map<String, Boolean> framework = new HashMap<>();

    Callbacks(References refs, Hierarchy hierarchy, Set<Long> apps, Deadline deadline) {
        this.refs = refs;
        this.hierarchy = hierarchy;
        this.apps = apps;
        this.deadline = deadline;
    }

    /** For each method of {@code methods} the framework may call back: the constructors of its class. */
    Map<Long, List<Long>> constructors(Collection<Long> methods) throws QueryException {
        Map<Long, List<Long>> out = new HashMap<>();
        Map<Long, MethodRef> named = refs.methods(methods, deadline);
        Set<Long> instance = refs.instanceMethods(methods, apps, deadline);
        for (Long id : methods) {
            MethodRef m = named.get(id);
            if (m == null || !instance.contains(id) || m.name().startsWith("<") || !hasFrameworkSupertype(m.owner())) {
                continue;
            }
            List<Long> ctors = constructors.get(m.owner());
            if (ctors == null) {
                ctors = new ArrayList<>();
                for (References.Ident i : refs.overloads(m.owner(), "<init>", deadline)) {
                    ctors.add(i.id());
                }
                constructors.put(m.owner(), ctors);
            }
            if (!ctors.isEmpty()) {
                out.put(id, ctors);
            }
        }
        return out;
    }

    private boolean hasFrameworkSupertype(String type) {
        return framework.computeIfAbsent(type, t -> {
            for (String s : hierarchy.supertypes(t)) {
                if (!s.equals(OBJECT) && !hierarchy.defines(s)) {
                    return true;
                }
            }
            return false;
        });
    }
}
