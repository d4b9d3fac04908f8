package dev.quiver.core.xref;

import java.util.List;

/**
 * The answer to an {@link XrefQuery}: the roots the spec resolved to, the rows in breadth-first
 * order (by depth, then signature), and notes for the user (a pattern that matched many roots, a
 * limit that cut the answer).
 *
 * @param truncated true when {@code limit} stopped the walk before it was complete
 */
public record XrefResult(List<String> roots, List<XrefRow> rows, boolean truncated, List<String> notes) {
    public XrefResult {
        roots = List.copyOf(roots);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }
}
