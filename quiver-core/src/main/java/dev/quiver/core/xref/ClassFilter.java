package dev.quiver.core.xref;

import dev.quiver.core.query.NamePattern;
import dev.quiver.core.query.QueryException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --include} / {@code --exclude}: globs on the class of a method signature
 * ({@code Landroidx/*}, {@code Lkotlin/*}). A method is kept when its class matches some include
 * (or there are none) and no exclude. Excluded methods are not reported and not walked through.
 */
public final class ClassFilter {
    private final List<NamePattern.Compiled> include = new ArrayList<>();
    private final List<NamePattern.Compiled> exclude = new ArrayList<>();

    private ClassFilter() {
    }

    public static ClassFilter of(List<String> include, List<String> exclude) throws QueryException {
        ClassFilter f = new ClassFilter();
        for (String g : include) {
            f.include.add(NamePattern.Compiled.of(glob(g)));
        }
        for (String g : exclude) {
            f.exclude.add(NamePattern.Compiled.of(glob(g)));
        }
        return f;
    }

    private static NamePattern glob(String g) {
        return new NamePattern(NamePattern.isGlob(g) ? NamePattern.Mode.GLOB : NamePattern.Mode.EXACT, g, false);
    }

    /** Whether the method (or class) {@code signature} passes the filter. */
    public boolean accepts(String signature) {
        if (signature == null) {
            return true;
        }
        int arrow = signature.indexOf("->");
        String cls = arrow > 0 ? signature.substring(0, arrow) : signature;
        boolean in = include.isEmpty();
        for (NamePattern.Compiled m : include) {
            in |= m.test(cls);
        }
        if (!in) {
            return false;
        }
        for (NamePattern.Compiled m : exclude) {
            if (m.test(cls)) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }
}
