package dev.quiver.core.query;

/**
 * A question the index cannot answer as asked, with a one-line message meant for the user (what is
 * wrong and what to do). Front ends print the message; they never print a stack trace for it.
 */
public final class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the question failed; front ends map it to an exit code or an HTTP status. */
    public enum Kind {
        /** A malformed question: bad pattern, unknown column, bad signature, bad option value. */
        BAD_REQUEST,
        /** Something named in the question is not in the index (a method, an app, an id). */
        NOT_FOUND,
        /** The index file itself: missing, not a Quiver database, another schema version, unreadable. */
        BAD_INDEX,
        /** The question ran out of its time budget or was cancelled. */
        TIMEOUT,
        /** A cap was hit (too many nodes, rows, …) and the answer would be incomplete. */
        TOO_LARGE
    }

    private final Kind kind;

    public QueryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public QueryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static QueryException badRequest(String message) {
        return new QueryException(Kind.BAD_REQUEST, message);
    }

    static QueryException notFound(String message) {
        return new QueryException(Kind.NOT_FOUND, message);
    }
}
