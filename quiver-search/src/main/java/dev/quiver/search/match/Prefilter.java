package dev.quiver.search.match;

/**
 * Finds candidate positions fast: every match of the pattern contains a position the prefilter
 * reports, but a reported position may still not match (the regex decides). A prefilter is
 * immutable and shared; {@link #scanner} gives the per-buffer, per-thread state.
 */
public interface Prefilter {
    /** A cursor over one buffer; positions passed to {@link Scanner#next} must not decrease. */
    Scanner scanner(byte[] bytes, String text);

    /** Per-buffer state of a prefilter. */
    interface Scanner {
        /** The first candidate position in {@code [from, to)}, or -1. */
        int next(int from, int to);
    }
}
