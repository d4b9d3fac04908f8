package dev.quiver.core.xref;

import dev.quiver.core.model.Descriptors;
import dev.quiver.core.model.FieldRef;
import dev.quiver.core.model.MethodRef;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.NamePattern;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.References;
import dev.quiver.core.query.References.Ident;
import java.util.List;

/**
 * Turns what a user types for a method or field into identities. Without an explicit mode:
 * <ul>
 *   <li>a full signature ({@code Lcom/a/B;->foo(I)V}, {@code Lcom/a/B;->count:I}) is that exact
 *       method or field, defined in the app or only referenced (framework APIs are first-class);</li>
 *   <li>{@code Lcom/a/B;->foo} is every overload of {@code foo} in {@code Lcom/a/B;} (every field named
 *       {@code foo}, whatever its type);</li>
 *   <li>a text with {@code *} or {@code ?} is a glob over full signatures;</li>
 *   <li>anything else is a substring of full signatures.</li>
 * </ul>
 * A spec that matches nothing is an error; one that matches more than {@link #MAX_ROOTS} too.
 */
public final class Roots {
    /** More roots than this is almost surely a mistyped pattern; the walk would be the whole app. */
    public static final int MAX_ROOTS = 20_000;

    private Roots() {
    }

    /** Method identities named by {@code spec}. */
    public static List<Ident> methods(References refs, String spec, NamePattern.Mode mode, boolean ignoreCase,
                                      Deadline deadline) throws QueryException {
        String s = spec.strip();
        if (s.isEmpty()) {
            throw new QueryException(QueryException.Kind.BAD_REQUEST, "empty method; give a signature such as "
                    + "'Lcom/a/B;->foo(I)V' or a pattern");
        }
        if (mode == null && !ignoreCase && !NamePattern.isGlob(s)) {
            MethodRef ref = MethodRef.parse(s);
            if (ref != null) {
                if (!Descriptors.isMethodDescriptor(ref.descriptor()) || !Descriptors.isFieldType(ref.owner())) {
                    throw new QueryException(QueryException.Kind.BAD_REQUEST, "malformed method signature '" + s
                            + "' (expected Lcom/a/B;->name(PARAMS)RETURN, e.g. Lcom/a/B;->foo(ILjava/lang/String;)V)");
                }
                Long id = refs.methodId(ref, deadline);
                if (id == null) {
                    throw notFound("method", s, refs.overloads(ref.owner(), ref.name(), deadline));
                }
                return List.of(new Ident(id, s));
            }
            int arrow = s.indexOf("->");
            if (arrow > 0 && s.indexOf('(', arrow) < 0 && s.indexOf(':', arrow) < 0) {
                List<Ident> out = refs.overloads(s.substring(0, arrow), s.substring(arrow + 2), deadline);
                if (out.isEmpty()) {
                    throw notFound("method", s, List.of());
                }
                return out;
            }
        }
        NamePattern p = pattern(s, mode, ignoreCase);
        return capped(refs.findMethods(p, MAX_ROOTS + 1, deadline), "method", p);
    }

    /** Field identities named by {@code spec}. */
    public static List<Ident> fields(References refs, String spec, NamePattern.Mode mode, boolean ignoreCase,
                                     Deadline deadline) throws QueryException {
        String s = spec.strip();
        if (s.isEmpty()) {
            throw new QueryException(QueryException.Kind.BAD_REQUEST, "empty field; give a signature such as "
                    + "'Lcom/a/B;->count:I' or a pattern");
        }
        if (mode == null && !ignoreCase && !NamePattern.isGlob(s)) {
            FieldRef ref = FieldRef.parse(s);
            if (ref != null) {
                if (!Descriptors.isFieldType(ref.type()) || !Descriptors.isFieldType(ref.owner())) {
                    throw new QueryException(QueryException.Kind.BAD_REQUEST, "malformed field signature '" + s
                            + "' (expected Lcom/a/B;->name:TYPE, e.g. Landroid/os/Build;->SERIAL:Ljava/lang/String;)");
                }
                Long id = refs.fieldId(ref, deadline);
                if (id == null) {
                    throw notFound("field", s, List.of());
                }
                return List.of(new Ident(id, s));
            }
            int arrow = s.indexOf("->");
            if (arrow > 0 && s.indexOf(':', arrow) < 0 && s.indexOf('(', arrow) < 0) {
                List<Ident> out = refs.findFields(new NamePattern(NamePattern.Mode.GLOB, s + ":*", false),
                        MAX_ROOTS + 1, deadline);
                if (out.isEmpty()) {
                    throw notFound("field", s, List.of());
                }
                return out;
            }
        }
        NamePattern p = pattern(s, mode, ignoreCase);
        return capped(refs.findFields(p, MAX_ROOTS + 1, deadline), "field", p);
    }

    /** A string value: exact unless another mode is asked for (a URL may hold {@code ?}). */
    public static NamePattern string(String value, NamePattern.Mode mode, boolean ignoreCase) throws QueryException {
        return new NamePattern(mode == null ? NamePattern.Mode.EXACT : mode, value, ignoreCase).validate();
    }

    /** A type: a descriptor is exact; else the default reading of a pattern. */
    public static NamePattern type(String spec, NamePattern.Mode mode, boolean ignoreCase) throws QueryException {
        String s = mode == null ? Descriptors.userType(spec) : spec.strip();
        if (mode == null && !ignoreCase && Descriptors.isFieldType(s)) {
            return NamePattern.exact(s);
        }
        return pattern(s, mode, ignoreCase);
    }

    private static NamePattern pattern(String s, NamePattern.Mode mode, boolean ignoreCase) throws QueryException {
        NamePattern p = mode == null ? NamePattern.auto(s, ignoreCase) : new NamePattern(mode, s, ignoreCase);
        return p.validate();
    }

    private static List<Ident> capped(List<Ident> found, String what, NamePattern p) throws QueryException {
        if (found.isEmpty()) {
            throw new QueryException(QueryException.Kind.NOT_FOUND, "no " + what + " matches " + p
                    + " (patterns match full signatures: try a glob such as '*->" + "sendTextMessage(*')");
        }
        if (found.size() > MAX_ROOTS) {
            throw new QueryException(QueryException.Kind.TOO_LARGE, p + " matches more than " + MAX_ROOTS + " "
                    + what + "s; narrow it (a class, a name, a descriptor)");
        }
        return found;
    }

    private static QueryException notFound(String what, String spec, List<Ident> near) {
        StringBuilder sb = new StringBuilder("no " + what + " " + spec + " in the index (neither defined nor referenced)");
        if (!near.isEmpty()) {
            sb.append("; overloads there: ");
            for (int i = 0; i < Math.min(5, near.size()); i++) {
                sb.append(i == 0 ? "" : ", ").append(near.get(i).signature());
            }
        }
        return new QueryException(QueryException.Kind.NOT_FOUND, sb.toString());
    }
}
