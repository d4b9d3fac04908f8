package dev.quiver.web.api;

import dev.quiver.core.query.Index;
import dev.quiver.core.source.MethodSources;
import dev.quiver.web.http.Router;
import dev.quiver.web.smalisca.SmaliscaRoutes;

/**
 * The REST API: Quiver's own under {@code /api/v1/}, smalisca's tables at their old paths, and
 * the OpenAPI document at {@code /api/openapi.json}. Every route is a GET over the read-only
 * {@link Index}; the endpoints build query objects and write JSON, nothing more.
 */
public final class Api {
    /** Rows a listing page holds by default, and at most. */
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    /** Rows an xref answer holds by default, and at most. */
    static final int DEFAULT_XREF_ROWS = 1000;
    static final int MAX_XREF_ROWS = 10_000;
    /** The deepest walk asked for (0, no limit, is refused: the deadline would cut it anyway). */
    static final int MAX_DEPTH = 20;

    private final Router router = new Router();
    private final Index index;
    private final PackageRoutes packages;

    public Api(Index index) {
        this.index = index;
        MethodSources sources = MethodSources.load();
        new InfoRoutes(index).register(router);
        new SearchRoute(index).register(router);
        new ListingRoutes(index).register(router);
        new ObjectRoutes(index, sources).register(router);
        new XrefRoutes(index).register(router);
        new GraphRoutes(index).register(router);
        packages = new PackageRoutes(index);
        packages.register(router);
        new SmaliscaRoutes(index).register(router);
    }

    /**
     * Builds what the first page views need once per index (the type hierarchy, the package tree:
     * seconds on a 100k-class index), so that the first user does not wait for it. A failure here
     * is not reported: the request that needs the piece will say what is wrong.
     */
    public void warmUp() {
        try {
            dev.quiver.core.query.Hierarchy.of(index, dev.quiver.core.query.Deadline.in(60_000));
            packages.warmUp(dev.quiver.core.query.Deadline.in(60_000));
        } catch (dev.quiver.core.query.QueryException | RuntimeException e) {
            // the first request needing it builds it again and reports the problem
        }
    }

    public Router router() {
        return router;
    }
}
