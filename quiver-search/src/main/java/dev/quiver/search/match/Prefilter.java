package dev.quiver.search.match;

/**
 * Finds candidate positions fast: every match of the pattern contains a position the prefilter
 * reports, but a reported position may still not match (the regex decides). A prefilter is
 * immutable and shared; {@link #scanner} gives the per-buffer, per-thread state.
 */
public interface Prefilter {
    /**
     * A cursor over {@code bytes[0, length)}; positions passed to {@link Scanner#next} must not
     * decrease. A literal may be confirmed up to {@code length}, past the region's end.
     */
    Scanner scanner(byte[] bytes, int length);

    /** Per-buffer state of a prefilter. */
    interface Scanner {
        /** The first candidate position in {@code [from, to)}, or -1. */
        int next(int from, int to);
    }
}
