package dev.quiver.search.searcher;

import dev.quiver.search.match.Spans;

/**
 * Receives what a {@link Searcher} finds in one file, in file order. Offsets are into
 * {@code buf}; {@code base} is the file offset of {@code buf[0]}. Printers implement this. As
 * ripgrep's {@code Sink}, only {@link #match} must be written: the other events default to
 * nothing, and a sink asks for no spans and for every line unless it says otherwise.
 */
public interface Sink {
    /**
     * A matching line {@code [ls, le)} (without its newline); in multiline mode it may hold several
     * lines. {@code spans} holds the matches when {@link #needsSpans()} and the line is not inverted.
     */
    void match(byte[] buf, long base, int ls, int le, long lineNumber, Spans spans);

    /** A context line around a match. */
    default void context(byte[] buf, long base, int ls, int le, long lineNumber) {
    }

    /** A gap between two groups of printed lines. */
    default void contextBreak() {
    }

    /** The file is binary (a NUL at {@code nulOffset}) and it matches; no lines were or will be printed after. */
    default void binaryMatch(long nulOffset) {
    }

    /**
     * A binary file found while walking: matches were printed from the lines before the NUL at
     * {@code nulOffset}, and the rest of the file was not searched (rg's "stopped searching").
     */
    default void binaryStopped(long nulOffset) {
    }

    /** True when {@link #match} needs the individual matches (colours, -o, replace, JSON, counts). */
    default boolean needsSpans() {
        return false;
    }

    /** True when anything is printed per line (false for -l, -c, -q...: the searcher may stop early). */
    default boolean wantsLines() {
        return true;
    }
}
