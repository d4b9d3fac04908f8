package dev.quiver.core.xref;

import java.util.List;

/**
 * Call paths between methods: from any method {@code from} names to any method {@code to} names.
 *
 * @param from     the start method(s), as {@link Roots#methods} reads them; null when {@code sources} is given
 * @param sources  start identities chosen by the caller (entry points), or empty
 * @param to       the end method(s)
 * @param depth    the longest path, in calls (0: no limit)
 * @param dispatch follow virtual dispatch
 * @param include  class globs a method in between must match (one of)
 * @param exclude  class globs no method in between may match
 * @param app      an app selector, or null
 * @param limit    at most this many paths (shortest first)
 * @param callbacks also step from a method that creates an object ({@code new X}) to the methods of {@code X}
 *                 the framework may call back (see {@link Paths})
 */
public record PathQuery(String from, List<Long> sources, String to, int depth, boolean dispatch, List<String> include,
                        List<String> exclude, String app, int limit, boolean callbacks) {
    public PathQuery {
        sources = List.copyOf(sources);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public static PathQuery between(String from, String to) {
        return new PathQuery(from, List.of(), to, 10, false, List.of(), List.of(), null, 20, false);
    }

    public PathQuery withDepth(int d) {
        return new PathQuery(from, sources, to, d, dispatch, include, exclude, app, limit, callbacks);
    }

    public PathQuery withDispatch(boolean d) {
        return new PathQuery(from, sources, to, depth, d, include, exclude, app, limit, callbacks);
    }

    public PathQuery withFilters(List<String> inc, List<String> exc) {
        return new PathQuery(from, sources, to, depth, dispatch, inc, exc, app, limit, callbacks);
    }

    public PathQuery withApp(String a) {
        return new PathQuery(from, sources, to, depth, dispatch, include, exclude, a, limit, callbacks);
    }

    public PathQuery withLimit(int l) {
        return new PathQuery(from, sources, to, depth, dispatch, include, exclude, app, l, callbacks);
    }

    public PathQuery withCallbacks(boolean c) {
        return new PathQuery(from, sources, to, depth, dispatch, include, exclude, app, limit, c);
    }

    public PathQuery withSources(List<Long> ids) {
        return new PathQuery(null, ids, to, depth, dispatch, include, exclude, app, limit, callbacks);
    }
}
