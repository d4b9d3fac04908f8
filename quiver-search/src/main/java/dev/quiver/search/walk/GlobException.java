package dev.quiver.search.walk;

/**
 * A glob that ripgrep (its {@code globset}) would reject: a nested or unclosed {@code {...}}
 * group, an unclosed {@code [...]} class, an invalid range, a dangling backslash. The message is
 * rg's: {@code error parsing glob 'GLOB': REASON}.
 */
public final class GlobException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String glob;
    private final String reason;

    public GlobException(String glob, String reason) {
        super("error parsing glob '" + glob + "': " + reason);
        this.glob = glob;
        this.reason = reason;
    }

    /** The same error for the glob as the user wrote it (with its {@code !}, its trailing {@code /}). */
    public GlobException as(String written) {
        return new GlobException(written, reason);
    }

    /** The glob as written. */
    public String glob() {
        return glob;
    }
}
