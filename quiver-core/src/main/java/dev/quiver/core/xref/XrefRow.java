package dev.quiver.core.xref;

import java.util.List;

/**
 * One method found by a cross-reference walk, at the depth where it was first reached.
 *
 * @param method   the method's full signature
 * @param depth    1 for a direct reference, 2 for a reference to a depth-1 method, …
 * @param ref      what it references at the previous level (callers, readers, …: the method, field,
 *                 string or type it uses); for callees, the method whose code calls it
 * @param kind     the instruction: invoke kind ({@code virtual}, {@code static/range}…), field opcode,
 *                 {@code const-string}, or the type instruction
 * @param dispatch true when this method was reached only through virtual dispatch (the instruction names
 *                 another class's method that can dispatch here); false for exact matches
 * @param defined  whether the index defines the method (false: a framework or missing method, known
 *                 only by reference)
 * @param path     the source file holding the reference (for callees: the caller's file), or null
 * @param line     its line (0 for DEX input)
 * @param sites    how many instructions make this connection
 * @param chain    with {@code --paths}: one shortest chain of signatures from a root to this method; else empty
 */
public record XrefRow(String method, int depth, String ref, String kind, boolean dispatch, boolean defined,
                     String path, int line, int sites, List<String> chain) {
    public XrefRow {
        chain = List.copyOf(chain);
    }
}
