package dev.quiver.web.smalisca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.NamePattern;
import dev.quiver.core.query.QueryException;
import dev.quiver.web.http.HttpError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The read part of Flask-Restless 0.17's query language ({@code q={"filters":[…],"order_by":[…],
 * "limit":…,"offset":…,"single":…}}), translated to a Quiver {@link ListQuery}.
 *
 * <p>Operators: {@code ==, !=, <, >, <=, >=} (and their word forms {@code eq, ne, lt, …}),
 * {@code like, ilike, not_like}, {@code in, not_in}, {@code is_null, is_not_null}. {@code like}
 * keeps smalisca's contract: {@code %} is any run of characters and {@code _} any one character
 * (SQL wildcards, which Quiver's own matching never has); the pattern is translated explicitly to an
 * anchored regex, and matched ignoring case as SQLite's {@code LIKE} does. An {@code ==} on a column
 * Quiver stores as such is an exact, indexed filter; other conditions are tested on each row's
 * value as smalisca would have computed it. Relations ({@code has}, {@code any}), comparisons
 * between two columns, {@code disjunction}, {@code group_by} and {@code functions} are refused with a
 * 400.
 */
final class SmaliscaQuery {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("filters", "order_by", "limit", "offset", "single", "disjunction",
            "group_by", "functions");
    /** Values an {@code in} list may hold. */
    static final int MAX_IN = 10_000;

    final ListQuery query;
    /** No row can match (an {@code is_null} on a column that is never null, …): skip the database. */
    final boolean empty;
    final Long limit;
    final long offset;
    final boolean single;

    private SmaliscaQuery(ListQuery query, boolean empty, Long limit, long offset, boolean single) {
        this.query = query;
        this.empty = empty;
        this.limit = limit;
        this.offset = offset;
        this.single = single;
    }

    /** Parses {@code q} (null: no conditions) for {@code table}. */
    static SmaliscaQuery parse(SmaliscaTable table, String q) throws HttpError {
        ListQuery lq = ListQuery.of(table.listing()).withColumns(table.sources());
        if (q == null || q.isBlank()) {
            return new SmaliscaQuery(lq, false, null, 0, false);
        }
        JsonNode root;
        try {
            root = JSON.readTree(q);
        } catch (Exception e) {
            throw HttpError.badRequest("Unable to decode data: q is not JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw HttpError.badRequest("Unable to decode data: q must be a JSON object such as {\"filters\":[…]}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw HttpError.badRequest("unknown key '" + k + "' in q; known: filters, order_by, limit, offset, single");
            }
        }
        if (root.path("disjunction").asBoolean(false)) {
            throw HttpError.badRequest("\"disjunction\": true is not supported (filters are combined with AND)");
        }
        if (root.has("group_by") || root.has("functions")) {
            throw HttpError.badRequest("group_by and functions are not supported (read-only listing only)");
        }
        boolean empty = false;
        for (JsonNode f : array(root, "filters")) {
            FilterResult r = filter(table, lq, f);
            lq = r.query;
            empty |= r.empty;
        }
        List<String> sort = new ArrayList<>();
        for (JsonNode o : array(root, "order_by")) {
            String field = text(o, "field");
            SmaliscaColumn c = column(table, field);
            if (c.sortBy() == null) {
                throw HttpError.badRequest("cannot order by " + field + " (computed from another column); order by one "
                        + "of the stored columns");
            }
            String dir = o.path("direction").asText("asc").toLowerCase(Locale.ROOT);
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw HttpError.badRequest("order_by direction must be asc or desc, not '" + dir + "'");
            }
            sort.add(c.sortBy() + (dir.equals("desc") ? ":desc" : ""));
        }
        lq = lq.withSort(sort);
        Long limit = root.has("limit") && !root.get("limit").isNull() ? nonNegative(root, "limit") : null;
        long offset = root.has("offset") && !root.get("offset").isNull() ? nonNegative(root, "offset") : 0;
        return new SmaliscaQuery(lq, empty, limit, offset, root.path("single").asBoolean(false));
    }

    private record FilterResult(ListQuery query, boolean empty) {
    }

    private static FilterResult filter(SmaliscaTable table, ListQuery lq, JsonNode f) throws HttpError {
        if (!f.isObject()) {
            throw HttpError.badRequest("each filter is an object {\"name\":…, \"op\":…, \"val\":…}");
        }
        if (f.has("or") || f.has("and")) {
            throw HttpError.badRequest("nested \"or\"/\"and\" filters are not supported");
        }
        String name = text(f, "name");
        String op = text(f, "op").toLowerCase(Locale.ROOT);
        SmaliscaColumn c = column(table, name);
        if (f.has("field")) {
            throw HttpError.badRequest("comparing two columns (\"field\") is not supported");
        }
        JsonNode val = f.get("val");
        switch (op) {
            case "is_null", "is_not_null" -> {
                boolean wantNull = op.equals("is_null");
                // Every column Quiver computes is NOT NULL; an unrecorded one is always null.
                return new FilterResult(lq, wantNull == (c.source() != null));
            }
            case "has", "any" -> throw HttpError.badRequest("operator '" + op + "' (relations) is not supported");
            default -> {
            }
        }
        if (!f.has("val")) {
            throw HttpError.badRequest("filter on " + name + " with op '" + op + "' needs a \"val\"");
        }
        if (val.isNull() && (op.equals("==") || op.equals("eq") || op.equals("equals") || op.equals("equal_to"))) {
            return new FilterResult(lq, c.source() != null);
        }
        if (c.source() == null) {
            // SQL: any comparison with NULL is not true.
            return new FilterResult(lq, true);
        }
        Predicate<Object> test = predicate(op, val, c);
        if (isEquality(op) && c.inverse() != null && (val.isTextual() || val.isNumber())) {
            String quiver = c.inverse().apply(val.asText());
            return new FilterResult(lq.where(c.source(), NamePattern.exact(quiver)), false);
        }
        return new FilterResult(lq.whereTest(c.source(), v -> test.test(c.of(v))), false);
    }

    private static boolean isEquality(String op) {
        return op.equals("==") || op.equals("eq") || op.equals("equals") || op.equals("equal_to");
    }

    /** The test of one operator on a smalisca value (never null here: NULL rows never reach a test). */
    static Predicate<Object> predicate(String op, JsonNode val, SmaliscaColumn c) throws HttpError {
        return switch (op) {
            case "==", "eq", "equals", "equal_to" -> v -> compare(v, scalar(val, c)) == 0;
            case "!=", "ne", "neq", "not_equal_to", "does_not_equal" -> v -> compare(v, scalar(val, c)) != 0;
            case "<", "lt" -> v -> compare(v, scalar(val, c)) < 0;
            case ">", "gt" -> v -> compare(v, scalar(val, c)) > 0;
            case "<=", "le", "lte", "leq" -> v -> compare(v, scalar(val, c)) <= 0;
            case ">=", "ge", "gte", "geq" -> v -> compare(v, scalar(val, c)) >= 0;
            case "like", "ilike" -> like(val);
            case "not_like" -> like(val).negate();
            case "in" -> in(val, c);
            case "not_in" -> in(val, c).negate();
            default -> throw HttpError.badRequest("unknown operator '" + op + "'; use ==, !=, <, >, <=, >=, like, ilike, "
                    + "not_like, in, not_in, is_null, is_not_null");
        };
    }

    /** {@code like}: the SQL pattern as an anchored regex, ignoring case, run under the request's deadline. */
    private static Predicate<Object> like(JsonNode val) throws HttpError {
        if (!val.isValueNode() || val.isNull()) {
            throw HttpError.badRequest("like needs a text value such as \"%Crypto%\"");
        }
        NamePattern p = new NamePattern(NamePattern.Mode.REGEX, likeToRegex(val.asText()), true);
        NamePattern.Compiled m;
        try {
            m = NamePattern.Compiled.of(p);
        } catch (QueryException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        return v -> m.test(v.toString());
    }

    /**
     * SQL {@code LIKE} → regex: {@code %} is {@code .*}, {@code _} is {@code .}, everything else
     * literal (SQLite's LIKE has no escape character unless ESCAPE is given, and smalisca gave none).
     */
    static String likeToRegex(String like) {
        StringBuilder sb = new StringBuilder("(?s)^");
        StringBuilder lit = new StringBuilder();
        char prev = 0;
        for (int i = 0; i < like.length(); i++) {
            char ch = like.charAt(i);
            if (ch == '%' || ch == '_') {
                if (lit.length() > 0) {
                    sb.append(java.util.regex.Pattern.quote(lit.toString()));
                    lit.setLength(0);
                }
                if (ch == '_') {
                    sb.append('.');
                } else if (prev != '%') {
                    sb.append(".*");
                }
            } else {
                lit.append(ch);
            }
            prev = ch;
        }
        if (lit.length() > 0) {
            sb.append(java.util.regex.Pattern.quote(lit.toString()));
        }
        return sb.append('$').toString();
    }

    private static Predicate<Object> in(JsonNode val, SmaliscaColumn c) throws HttpError {
        if (!val.isArray()) {
            throw HttpError.badRequest("in needs a list value such as [1, 2, 3]");
        }
        if (val.size() > MAX_IN) {
            throw HttpError.badRequest("an in list holds at most " + MAX_IN + " values");
        }
        Set<String> set = new HashSet<>();
        for (JsonNode v : val) {
            if (!v.isNull()) {
                Object s = scalar(v, c);
                set.add(s.toString());
            }
        }
        return v -> set.contains(v.toString());
    }

    /** A filter value as the column holds it: a number for number columns (when it is one), else text. */
    private static Object scalar(JsonNode val, SmaliscaColumn c) {
        if (c.integer()) {
            if (val.isIntegralNumber()) {
                return val.asLong();
            }
            try {
                return Long.parseLong(val.asText().strip());
            } catch (NumberFormatException e) {
                return val.asText();
            }
        }
        return val.isValueNode() ? val.asText() : val.toString();
    }

    /** SQLite's order: numbers before text, numbers by value, text by characters. */
    static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Long) {
            return -1;
        }
        if (b instanceof Long) {
            return 1;
        }
        return a.toString().compareTo(b.toString());
    }

    private static SmaliscaColumn column(SmaliscaTable table, String name) throws HttpError {
        SmaliscaColumn c = table.column(name);
        if (c == null) {
            throw HttpError.badRequest("no column '" + name + "' in " + table.name() + "; columns: " + table.names());
        }
        return c;
    }

    private static Iterable<JsonNode> array(JsonNode root, String key) throws HttpError {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw HttpError.badRequest("\"" + key + "\" must be a list");
        }
        return n;
    }

    private static String text(JsonNode o, String key) throws HttpError {
        JsonNode n = o.get(key);
        if (n == null || !n.isTextual()) {
            throw HttpError.badRequest("missing or non-text \"" + key + "\" in " + o);
        }
        return n.asText();
    }

    private static long nonNegative(JsonNode root, String key) throws HttpError {
        JsonNode n = root.get(key);
        if (!n.canConvertToLong() || n.asLong() < 0 || !n.isIntegralNumber()) {
            throw HttpError.badRequest("\"" + key + "\" must be a whole number ≥ 0");
        }
        return n.asLong();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
