package dev.quiver.web.api;

import dev.quiver.core.query.Index;
import dev.quiver.core.query.RowJson;
import dev.quiver.core.xref.CallPath;
import dev.quiver.core.xref.PathColumns;
import dev.quiver.core.xref.PathQuery;
import dev.quiver.core.xref.Paths;
import dev.quiver.core.xref.Xref;
import dev.quiver.core.xref.XrefColumns;
import dev.quiver.core.xref.XrefQuery;
import dev.quiver.core.xref.XrefResult;
import dev.quiver.core.xref.XrefRow;
import dev.quiver.web.http.Call;
import dev.quiver.web.http.Params;
import dev.quiver.web.http.Router;
import java.util.List;

/**
 * Cross-references as {@code quiver xref} answers them: {@code GET /api/v1/xref/<target>?spec=…}
 * (callers, callees, readers, writers, string-users, type-users) with depth, dispatch, include and
 * exclude, paths, app and matching; and {@code GET /api/v1/paths?from=…&to=…}. Rows are
 * {@link XrefColumns} / {@link PathColumns} rows, as {@code --json} prints them.
 */
final class XrefRoutes {
    static final List<String> TARGETS = List.of("callers", "callees", "readers", "writers", "string-users", "type-users");
    /** Paths asked for at most, and the longest. */
    static final int MAX_PATHS = 200;

    private final Index index;

    XrefRoutes(Index index) {
        this.index = index;
    }

    void register(Router r) {
        for (String t : TARGETS) {
            XrefQuery.Target target = XrefQuery.Target.valueOf(t.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
            r.get("/api/v1/xref/" + t, call -> xref(call, target));
        }
        r.get("/api/v1/paths", this::paths);
    }

    private void xref(Call call, XrefQuery.Target target) throws Exception {
        Params p = call.params();
        String spec = p.required("spec", target == XrefQuery.Target.STRING_USERS ? "the string value"
                : target == XrefQuery.Target.TYPE_USERS ? "the type, Lcom/a/B;" : "the method or field, a signature or "
                + "a pattern");
        XrefQuery q = query(p, target, spec);
        p.rejectUnknown("spec, depth, dispatch, paths, include, exclude, app, match, ignore_case, limit");
        XrefResult r = Xref.run(index, q, call.deadline());
        call.json(g -> {
            g.writeStartObject();
            g.writeStringField("target", target.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            Out.strings(g, "roots", r.roots());
            Out.columns(g, XrefColumns.ALL);
            g.writeArrayFieldStart("rows");
            for (XrefRow x : r.rows()) {
                RowJson.write(g, XrefColumns.ALL, XrefColumns.values(x));
            }
            g.writeEndArray();
            g.writeBooleanField("truncated", r.truncated());
            Out.strings(g, "notes", r.notes());
            g.writeEndObject();
        });
    }

    /** The xref question of the parameters (shared with the graph endpoint). */
    static XrefQuery query(Params p, XrefQuery.Target target, String spec) throws Exception {
        Matching m = Matching.of(p);
        int depth = (int) p.number("depth", 1, 1, Api.MAX_DEPTH);
        long limit = p.number("limit", Api.DEFAULT_XREF_ROWS, 1, Api.MAX_XREF_ROWS);
        return XrefQuery.of(target, spec).withDepth(depth).withDispatch(p.flag("dispatch")).withPaths(p.flag("paths"))
                .withFilters(p.all("include"), p.all("exclude")).withApp(p.get("app"))
                .withMatching(m.mode(), m.ignoreCase()).withLimit(limit);
    }

    private void paths(Call call) throws Exception {
        Params p = call.params();
        String from = p.required("from", "the start method(s), a signature or a pattern");
        String to = p.required("to", "the end method(s), a signature or a pattern");
        PathQuery q = PathQuery.between(from, to).withDepth((int) p.number("depth", 10, 1, Api.MAX_DEPTH))
                .withDispatch(p.flag("dispatch")).withFilters(p.all("include"), p.all("exclude"))
                .withApp(p.get("app")).withLimit((int) p.number("limit", 20, 1, MAX_PATHS));
        p.rejectUnknown("from, to, depth, dispatch, include, exclude, app, limit");
        List<CallPath> found = Paths.find(index, q, call.deadline());
        call.json(g -> {
            g.writeStartObject();
            Out.columns(g, PathColumns.ALL);
            g.writeArrayFieldStart("paths");
            int n = 0;
            for (CallPath c : found) {
                RowJson.write(g, PathColumns.ALL, PathColumns.values(++n, c));
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
