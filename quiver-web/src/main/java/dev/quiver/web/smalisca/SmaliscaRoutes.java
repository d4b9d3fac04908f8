package dev.quiver.web.smalisca;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.NamePattern;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.RowJson;
import dev.quiver.core.query.Rows;
import dev.quiver.web.http.Call;
import dev.quiver.web.http.HttpError;
import dev.quiver.web.http.Params;
import dev.quiver.web.http.Router;
import java.io.IOException;
import java.util.List;

/**
 * smalisca's REST API, read-only, for the scripts written against {@code smalisca web}:
 * {@code /api/classes}, {@code /api/properties}, {@code /api/methods}, {@code /api/const_strings},
 * {@code /api/calls} and {@code /api/<table>/<id>}, answering Flask-Restless 0.17's shape
 * {@code {"num_results","objects","page","total_pages"}} with {@code page} and
 * {@code results_per_page} (default 10, at most 100) and the read part of its {@code q} language
 * ({@link SmaliscaQuery}). Objects carry smalisca's column names and value forms (class names
 * without their {@code ;}); class objects embed their methods, properties and const strings as
 * smalisca's did. Ids are Quiver's row ids.
 */
public final class SmaliscaRoutes {
    static final int DEFAULT_PER_PAGE = 10;
    static final int MAX_PER_PAGE = 100;
    /** Related rows embedded in one class object, at most. */
    static final int MAX_EMBEDDED = 1000;

    private final Index index;

    public SmaliscaRoutes(Index index) {
        this.index = index;
    }

    public void register(Router r) {
        for (SmaliscaTable t : SmaliscaTable.ALL) {
            r.get("/api/" + t.name(), call -> collection(call, t));
            r.get("/api/" + t.name() + "/{id}", call -> one(call, t));
        }
    }

    private void collection(Call call, SmaliscaTable t) throws Exception {
        Params p = call.params();
        long page = p.number("page", 1, 1, Integer.MAX_VALUE);
        long perPage = p.number("results_per_page", DEFAULT_PER_PAGE, Long.MIN_VALUE, Long.MAX_VALUE);
        if (perPage <= 0) {
            perPage = DEFAULT_PER_PAGE;
        }
        perPage = Math.min(perPage, MAX_PER_PAGE);
        SmaliscaQuery q = SmaliscaQuery.parse(t, p.get("q"));
        p.rejectUnknown("q, page, results_per_page");
        Deadline d = call.deadline();
        long total = q.empty ? 0 : index.count(q.query, d);
        long available = Math.max(0, total - q.offset);
        long numResults = q.limit == null ? available : Math.min(q.limit, available);
        if (q.single) {
            if (numResults == 0) {
                throw HttpError.notFound("No result found");
            }
            if (numResults > 1) {
                throw HttpError.badRequest("Multiple results found");
            }
            Rows one = index.list(q.query.withPage(1, q.offset), d);
            call.json(g -> object(g, t, one, 0, d, true));
            return;
        }
        long start = (page - 1) * perPage;
        long count = Math.max(0, Math.min(perPage, numResults - start));
        Rows rows = count == 0 ? null : index.list(q.query.withPage(count, q.offset + start), d);
        long totalPages = (numResults + perPage - 1) / perPage;
        long pageNo = page;
        call.json(g -> {
            g.writeStartObject();
            g.writeNumberField("num_results", numResults);
            g.writeArrayFieldStart("objects");
            if (rows != null) {
                for (int i = 0; i < rows.rows().size(); i++) {
                    object(g, t, rows, i, d, true);
                }
            }
            g.writeEndArray();
            g.writeNumberField("page", pageNo);
            g.writeNumberField("total_pages", totalPages);
            g.writeEndObject();
        });
    }

    private void one(Call call, SmaliscaTable t) throws Exception {
        long id = call.id("id");
        call.params().rejectUnknown("no parameters");
        Rows rows = index.list(ListQuery.of(t.listing()).withColumns(t.sources())
                .where("id", NamePattern.exact(Long.toString(id))).withPage(1, 0), call.deadline());
        if (rows.rows().isEmpty()) {
            throw HttpError.notFound("No result found: no " + t.name() + " row with id " + id);
        }
        call.json(g -> object(g, t, rows, 0, call.deadline(), true));
    }

    /** Row {@code i} as a smalisca object; a class with its related rows when {@code embed}. */
    private void object(JsonGenerator g, SmaliscaTable t, Rows rows, int i, Deadline d, boolean embed)
            throws IOException, QueryException {
        g.writeStartObject();
        for (SmaliscaColumn c : t.columns()) {
            g.writeFieldName(c.name());
            RowJson.writeValue(g, c.source() == null ? null : c.of(rows.value(i, c.source())));
        }
        if (embed && t == SmaliscaTable.CLASSES) {
            String type = (String) rows.value(i, "class");
            String app = rows.value(i, "app").toString();
            for (SmaliscaTable related : List.of(SmaliscaTable.METHODS, SmaliscaTable.PROPERTIES,
                    SmaliscaTable.CONST_STRINGS)) {
                Rows r = index.list(ListQuery.of(related.listing()).withColumns(related.sources())
                        .where("class", NamePattern.exact(type)).withApp(app).withPage(MAX_EMBEDDED, 0), d);
                g.writeArrayFieldStart(related.name());
                for (int k = 0; k < r.rows().size(); k++) {
                    object(g, related, r, k, d, false);
                }
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }
}
