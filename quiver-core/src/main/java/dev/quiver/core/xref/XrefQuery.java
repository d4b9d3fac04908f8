package dev.quiver.core.xref;

import dev.quiver.core.query.NamePattern;
import java.util.List;

/**
 * A cross-reference question.
 *
 * @param target    what {@code spec} names and which references to follow
 * @param spec      the method, field, string or type asked about (see {@link Roots})
 * @param mode      how {@code spec} is matched; null for the default of its target (see {@link Roots})
 * @param ignoreCase match {@code spec} ignoring case
 * @param depth     levels to walk (1: direct references only; 0: no limit)
 * @param dispatch  follow virtual dispatch (see {@link Dispatch})
 * @param include   keep only methods whose class matches one of these globs (empty: all)
 * @param exclude   drop methods whose class matches one of these globs, and do not walk through them
 * @param paths     give each row one shortest chain from the root
 * @param app       an app selector, or null for all apps
 * @param limit     at most this many rows (0: no limit)
 */
public record XrefQuery(Target target, String spec, NamePattern.Mode mode, boolean ignoreCase, int depth,
                        boolean dispatch, List<String> include, List<String> exclude, boolean paths, String app,
                        long limit) {
    /** What is asked about, and in which direction the walk goes. */
    public enum Target {
        /** Methods calling the method(s), then their callers. */
        CALLERS,
        /** Methods the method(s) call, then what those call. */
        CALLEES,
        /** Methods reading the field(s), then their callers. */
        READERS,
        /** Methods writing the field(s), then their callers. */
        WRITERS,
        /** Methods loading the string(s) with const-string, then their callers. */
        STRING_USERS,
        /** Methods instantiating, casting, checking or naming the type(s), then their callers. */
        TYPE_USERS
    }

    public XrefQuery {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be 0 (no limit) or more");
        }
    }

    /** A query with defaults: depth 1, exact call matching, no filters, no paths, every app. */
    public static XrefQuery of(Target target, String spec) {
        return new XrefQuery(target, spec, null, false, 1, false, List.of(), List.of(), false, null, 0);
    }

    public XrefQuery withDepth(int d) {
        return new XrefQuery(target, spec, mode, ignoreCase, d, dispatch, include, exclude, paths, app, limit);
    }

    public XrefQuery withDispatch(boolean d) {
        return new XrefQuery(target, spec, mode, ignoreCase, depth, d, include, exclude, paths, app, limit);
    }

    public XrefQuery withPaths(boolean p) {
        return new XrefQuery(target, spec, mode, ignoreCase, depth, dispatch, include, exclude, p, app, limit);
    }

    public XrefQuery withFilters(List<String> inc, List<String> exc) {
        return new XrefQuery(target, spec, mode, ignoreCase, depth, dispatch, inc, exc, paths, app, limit);
    }

    public XrefQuery withMatching(NamePattern.Mode m, boolean ic) {
        return new XrefQuery(target, spec, m, ic, depth, dispatch, include, exclude, paths, app, limit);
    }

    public XrefQuery withApp(String a) {
        return new XrefQuery(target, spec, mode, ignoreCase, depth, dispatch, include, exclude, paths, a, limit);
    }

    public XrefQuery withLimit(long l) {
        return new XrefQuery(target, spec, mode, ignoreCase, depth, dispatch, include, exclude, paths, app, l);
    }
}
