package dev.quiver.web.api;

import dev.quiver.core.query.Column;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.Rows;
import dev.quiver.web.http.Call;
import dev.quiver.web.http.HttpError;
import dev.quiver.web.http.Params;
import dev.quiver.web.http.Router;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/v1/<listing>}: the CLI's listings (classes, methods, fields, strings, calls,
 * field-refs, type-refs, problems) with the same filters: any column name as a parameter
 * ({@code ?class=Lcom/a/*&flags=public}), matched as the CLI matches ({@link Matching}), plus
 * {@code app}, {@code sort}, {@code columns}, {@code limit}/{@code offset} and {@code count}.
 */
final class ListingRoutes {
    private final Index index;

    ListingRoutes(Index index) {
        this.index = index;
    }

    void register(Router r) {
        for (Listing l : Listing.ALL) {
            r.get("/api/v1/" + l.name(), call -> list(call, l));
        }
    }

    private void list(Call call, Listing l) throws Exception {
        Params p = call.params();
        long limit = p.number("limit", Api.DEFAULT_PAGE, 1, Api.MAX_PAGE);
        long offset = p.number("offset", 0, 0, Long.MAX_VALUE / 2);
        ListQuery q = query(p, l).withPage(limit, offset);
        boolean count = p.flag("count");
        p.rejectUnknown("column filters (" + names(l) + "), match, ignore_case, app, sort, columns, limit, offset, count"
                + (l == Listing.CLASSES ? ", extends, implements, direct" : ""));
        Rows rows = index.list(q, call.deadline());
        Long total = count ? index.count(q, call.deadline()) : null;
        call.json(g -> {
            g.writeStartObject();
            g.writeStringField("listing", l.name());
            Out.page(g, rows, limit);
            if (total != null) {
                g.writeNumberField("total", total);
            }
            g.writeEndObject();
        });
    }

    /** The listing question the parameters describe (paging left to the caller). */
    static ListQuery query(Params p, Listing l) throws HttpError, QueryException {
        Matching m = Matching.of(p);
        ListQuery q = ListQuery.of(l);
        for (Column c : l.columns()) {
            if (c.name().equals("app")) {
                continue; // the app parameter is the selector (an id, a path, a package, a digest)
            }
            String v = p.get(c.name());
            if (v != null) {
                q = q.where(c.name(), m.pattern(v));
            }
        }
        q = q.withApp(p.get("app"));
        String sort = p.get("sort");
        if (sort != null && !sort.isBlank()) {
            q = q.withSort(split(sort));
        }
        String columns = p.get("columns");
        if (columns != null && !columns.isBlank()) {
            q = q.withColumns(split(columns));
        }
        if (l == Listing.CLASSES) {
            q = q.withHierarchy(p.get("extends"), p.get("implements"), p.flag("direct"));
        }
        return q;
    }

    static List<String> split(String commaList) {
        List<String> out = new ArrayList<>();
        for (String s : Arrays.asList(commaList.split(","))) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    static String names(Listing l) {
        List<String> n = new ArrayList<>();
        for (Column c : l.columns()) {
            n.add(c.name());
        }
        return String.join(", ", n);
    }
}
