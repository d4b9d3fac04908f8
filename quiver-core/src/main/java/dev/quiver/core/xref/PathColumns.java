package dev.quiver.core.xref;

import dev.quiver.core.query.Column;
import dev.quiver.core.query.Column.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Call paths as rows: the one shape of {@code quiver xref --from --to --json} and the REST API. */
public final class PathColumns {
    /** One path per row. */
    public static final List<Column> ALL = List.of(
            Column.of("path_no", Type.INTEGER, "which path"),
            Column.of("length", Type.INTEGER, "number of calls"),
            Column.of("chain", Type.TEXT, "the methods in call order"),
            Column.of("steps", Type.TEXT, "each method with the call it makes to the next"));

    private PathColumns() {
    }

    /** The values of path number {@code pathNo} in {@link #ALL}'s order. */
    public static Object[] values(int pathNo, CallPath p) {
        List<String> chain = new ArrayList<>();
        List<Object> steps = new ArrayList<>();
        for (CallPath.Step s : p.steps()) {
            chain.add(s.method());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", s.method());
            m.put("kind", s.kind());
            m.put("dispatch", s.dispatch());
            m.put("path", s.path());
            m.put("line", (long) s.line());
            steps.add(m);
        }
        return new Object[] {(long) pathNo, (long) p.length(), chain, steps};
    }
}
