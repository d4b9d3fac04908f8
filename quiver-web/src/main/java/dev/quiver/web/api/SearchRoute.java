package dev.quiver.web.api;

import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.NamePattern;
import dev.quiver.core.query.Rows;
import dev.quiver.web.http.Call;
import dev.quiver.web.http.HttpError;
import dev.quiver.web.http.Params;
import dev.quiver.web.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v1/search?q=…}: the UI's search-as-you-type over classes, methods, fields and
 * strings. Each kind reads what a user types the way that is both expected and fast on a 100k-class
 * index:
 * <ul>
 *   <li>a descriptor or signature start ({@code Lcom/foo/}, {@code Lcom/a/B;->on}) is a prefix:
 *       an index range;</li>
 *   <li>for methods and fields, any other text is a prefix of the member's name (an index range;
 *       case as typed), unless it holds {@code *} or {@code ?} (a glob over the full signature);</li>
 *   <li>for strings, any other text is a prefix of the value (an index range);</li>
 *   <li>for classes, any other text is a substring of the descriptor, ignoring case when the text is
 *       all lower case ("smart case");</li>
 *   <li>{@code *} and {@code ?} make any of them a glob over the whole value.</li>
 * </ul>
 * With {@code match=substring} (the UI's full results page), every kind looks for the text anywhere
 * (smart case): complete, but a scan of the table.
 * Each kind answers at most {@code limit} rows and says whether there are more; the pattern used is
 * returned so that the UI can say what it searched.
 */
final class SearchRoute {
    static final List<String> KINDS = List.of("classes", "methods", "fields", "strings");
    static final int MAX_LIMIT = 100;

    private final Index index;

    SearchRoute(Index index) {
        this.index = index;
    }

    void register(Router r) {
        r.get("/api/v1/search", this::search);
    }

    private void search(Call call) throws Exception {
        Params p = call.params();
        String q = p.required("q", "the text to look for");
        String kindsParam = p.get("kinds");
        int limit = (int) p.number("limit", 10, 1, MAX_LIMIT);
        String app = p.get("app");
        boolean substring = p.choice("match", "auto", List.of("auto", "substring")).equals("substring");
        p.rejectUnknown("q, kinds (classes, methods, fields, strings), limit, app, match (auto or substring)");
        List<String> kinds = kindsParam == null ? KINDS : ListingRoutes.split(kindsParam);
        for (String k : kinds) {
            if (!KINDS.contains(k)) {
                throw HttpError.badRequest("unknown kind '" + k + "' in kinds; choose among " + String.join(", ", KINDS));
            }
        }
        Map<String, Rows> rows = new LinkedHashMap<>();
        Map<String, NamePattern> used = new LinkedHashMap<>();
        for (String k : kinds) {
            ListQuery lq = query(k, q, substring).withApp(app).withPage(limit, 0);
            // In the order of the matched column: an index range then yields rows already sorted, so the
            // first `limit` end the scan (id order would sort every match first: all 3,000 onCreate*).
            lq = lq.withSort(List.of(lq.filters().get(0).column()));
            used.put(k, lq.filters().get(0).pattern());
            rows.put(k, index.list(lq, call.deadline()));
        }
        call.json(g -> {
            g.writeStartObject();
            g.writeStringField("q", q);
            g.writeObjectFieldStart("results");
            for (Map.Entry<String, Rows> e : rows.entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                NamePattern np = used.get(e.getKey());
                g.writeStringField("match", np.mode().name().toLowerCase(Locale.ROOT));
                g.writeStringField("pattern", np.text());
                g.writeBooleanField("ignore_case", np.ignoreCase());
                Out.columns(g, e.getValue().columns());
                Out.rows(g, "rows", e.getValue());
                g.writeBooleanField("more", e.getValue().more());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** The listing question for one kind. */
    static ListQuery query(String kind, String text, boolean substring) {
        boolean glob = NamePattern.isGlob(text);
        boolean descriptor = (text.startsWith("L") || text.startsWith("[")) && (text.indexOf('/') > 0
                || text.indexOf(';') > 0);
        NamePattern anywhere = new NamePattern(NamePattern.Mode.SUBSTRING, text, text.equals(text.toLowerCase(Locale.ROOT)));
        return switch (kind) {
            case "classes" -> ListQuery.of(Listing.CLASSES).withColumns(List.of("id", "class", "flags", "app"))
                    .where("class", substring ? anywhere : descriptor || glob ? glob(text) : anywhere);
            case "methods" -> member(Listing.METHODS, "method", text, glob, descriptor, substring, anywhere)
                    .withColumns(List.of("id", "method", "flags", "app"));
            case "fields" -> member(Listing.FIELDS, "field", text, glob, descriptor, substring, anywhere)
                    .withColumns(List.of("id", "field", "flags", "app"));
            case "strings" -> ListQuery.of(Listing.STRINGS).withColumns(List.of("id", "value", "method", "app"))
                    .where("value", substring ? anywhere : glob(text));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static ListQuery member(Listing l, String signature, String text, boolean glob, boolean descriptor,
                                    boolean substring, NamePattern anywhere) {
        if (substring) {
            return ListQuery.of(l).where(descriptor ? signature : "name", anywhere);
        }
        if (descriptor || glob) {
            return ListQuery.of(l).where(signature, glob(text));
        }
        return ListQuery.of(l).where("name", new NamePattern(NamePattern.Mode.GLOB, text + "*", false));
    }

    /** A glob as typed, or the text as a prefix. */
    private static NamePattern glob(String text) {
        return new NamePattern(NamePattern.Mode.GLOB, NamePattern.isGlob(text) ? text : text + "*", false);
    }

}
