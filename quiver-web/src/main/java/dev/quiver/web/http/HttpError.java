package dev.quiver.web.http;

import dev.quiver.core.query.QueryException;

/**
 * A request the server answers with an error status and a one-line message, as JSON
 * {@code {"status":…,"message":…}}: never a stack trace.
 */
public final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 400: a malformed parameter or question. */
    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    /** 404: an unknown id, path or name. */
    public static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    /** The status of a query-layer failure: what the user asked wrongly is 4xx, time is 503. */
    public static HttpError of(QueryException e) {
        int status = switch (e.kind()) {
            case BAD_REQUEST, TOO_LARGE -> 400;
            case NOT_FOUND -> 404;
            case TIMEOUT -> 503;
            case BAD_INDEX -> 500;
        };
        return new HttpError(status, e.getMessage());
    }
}
