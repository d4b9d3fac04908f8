package dev.quiver.core.xref;

import dev.quiver.core.query.Column;
import dev.quiver.core.query.Column.Type;
import java.util.List;

/** Cross-reference rows as columns: the one row shape of {@code quiver xref --json} and the REST API. */
public final class XrefColumns {
    /** Every column of an {@link XrefRow}, in order. */
    public static final List<Column> ALL = List.of(
            Column.of("method", Type.TEXT, "the method found (full signature)"),
            Column.of("depth", Type.INTEGER, "1 = direct reference, 2 = reference to a depth-1 method, …"),
            Column.of("kind", Type.TEXT, "the instruction: invoke kind, field opcode, const-string, type opcode"),
            Column.of("ref", Type.TEXT, "what it references at the previous level (callees: its caller)"),
            Column.of("dispatch", Type.BOOLEAN, "reached only through virtual dispatch"),
            Column.of("defined", Type.BOOLEAN, "defined in the index (false: framework or missing)"),
            Column.of("path", Type.TEXT, "source file of the reference"),
            Column.of("line", Type.INTEGER, "line of the reference (0 for DEX input)"),
            Column.of("sites", Type.INTEGER, "instructions making this connection"),
            Column.of("chain", Type.TEXT, "with --paths: the methods in call order, to or from a root"));

    /** What a table shows by default. */
    public static final List<String> DEFAULT = List.of("depth", "method", "kind", "path", "line");

    private XrefColumns() {
    }

    /** The values of {@code r} in {@link #ALL}'s order. */
    public static Object[] values(XrefRow r) {
        return new Object[] {r.method(), (long) r.depth(), r.kind(), r.ref(), r.dispatch(), r.defined(), r.path(),
            (long) r.line(), (long) r.sites(), r.chain()};
    }
}
