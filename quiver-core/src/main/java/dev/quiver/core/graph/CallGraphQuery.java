package dev.quiver.core.graph;

import dev.quiver.core.query.NamePattern;
import java.util.List;

/**
 * A call graph question: the methods around one or more roots, and every call between them.
 *
 * @param spec       the root method(s): a signature, {@code Lcom/a/B;->foo} for every overload, or a
 *                   pattern (see {@link dev.quiver.core.xref.Roots})
 * @param mode       how {@code spec} is matched; null for the default reading
 * @param ignoreCase match {@code spec} ignoring case
 * @param direction  which way to walk from the roots
 * @param depth      how many calls away from a root to go (0: no limit)
 * @param dispatch   follow virtual dispatch through the class hierarchy (see {@link dev.quiver.core.xref.Dispatch})
 * @param include    keep only methods of classes matching one of these globs (empty: all); roots are always kept
 * @param exclude    leave out methods of classes matching these globs and do not walk through them
 * @param maxNodes   refuse a graph with more nodes than this (a {@code TOO_LARGE} error that says what would help)
 * @param app        an app selector, or null for every app
 */
public record CallGraphQuery(String spec, NamePattern.Mode mode, boolean ignoreCase, Direction direction, int depth,
                             boolean dispatch, List<String> include, List<String> exclude, int maxNodes, String app) {
    /** The default cap: a drawing with more nodes is no longer readable. */
    public static final int DEFAULT_MAX_NODES = 500;

    /** Default depth, as jadx's call graph dialog. */
    public static final int DEFAULT_DEPTH = 3;

    /** Which way the walk goes from the roots. */
    public enum Direction {
        /** Methods calling the roots, then their callers. */
        CALLERS,
        /** Methods the roots call, then what those call. */
        CALLEES,
        /** Both. */
        BOTH;

        boolean callers() {
            return this != CALLEES;
        }

        boolean callees() {
            return this != CALLERS;
        }
    }

    public CallGraphQuery {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be 0 (no limit) or more");
        }
        if (maxNodes < 1) {
            throw new IllegalArgumentException("maxNodes must be at least 1");
        }
    }

    /** Callers and callees of {@code spec} to the default depth, exact calls, no filters, the default cap. */
    public static CallGraphQuery of(String spec) {
        return new CallGraphQuery(spec, null, false, Direction.BOTH, DEFAULT_DEPTH, false, List.of(), List.of(),
                DEFAULT_MAX_NODES, null);
    }

    public CallGraphQuery withDirection(Direction d) {
        return new CallGraphQuery(spec, mode, ignoreCase, d, depth, dispatch, include, exclude, maxNodes, app);
    }

    public CallGraphQuery withDepth(int d) {
        return new CallGraphQuery(spec, mode, ignoreCase, direction, d, dispatch, include, exclude, maxNodes, app);
    }

    public CallGraphQuery withDispatch(boolean d) {
        return new CallGraphQuery(spec, mode, ignoreCase, direction, depth, d, include, exclude, maxNodes, app);
    }

    public CallGraphQuery withFilters(List<String> inc, List<String> exc) {
        return new CallGraphQuery(spec, mode, ignoreCase, direction, depth, dispatch, inc, exc, maxNodes, app);
    }

    public CallGraphQuery withMatching(NamePattern.Mode m, boolean ic) {
        return new CallGraphQuery(spec, m, ic, direction, depth, dispatch, include, exclude, maxNodes, app);
    }

    public CallGraphQuery withMaxNodes(int n) {
        return new CallGraphQuery(spec, mode, ignoreCase, direction, depth, dispatch, include, exclude, n, app);
    }

    public CallGraphQuery withApp(String a) {
        return new CallGraphQuery(spec, mode, ignoreCase, direction, depth, dispatch, include, exclude, maxNodes, a);
    }
}
