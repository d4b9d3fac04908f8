package dev.quiver.core.query;

import dev.quiver.core.model.Descriptors;
import java.util.ArrayList;
import java.util.List;

/** The SQL of one {@link ListQuery}: select, count, parameters and Java-side predicates. */
record ListingSql(List<Column> columns, String select, String count, List<Object> params, SqlFilter filter) {

    static ListingSql build(Index index, ListQuery q, Deadline deadline) throws QueryException {
        Listing l = q.listing();
        List<Column> cols = new ArrayList<>();
        if (q.columns().isEmpty()) {
            cols.addAll(l.columns());
        } else {
            for (String name : q.columns()) {
                cols.add(l.column(name));
            }
        }
        SqlFilter f = new SqlFilter();
        for (Filter filter : q.filters()) {
            if (filter.test() != null) {
                f.javaMatch(l.column(filter.column()).sql(), filter.test());
            } else {
                f.add(l.column(filter.column()), filter.pattern());
            }
        }
        if (q.app() != null) {
            List<Long> ids = index.appIds(q.app());
            f.and(l.column("app").sql() + " IN (" + placeholders(ids.size()) + ")", ids.toArray());
        }
        if (q.extendsType() != null || q.implementsType() != null) {
            if (l != Listing.CLASSES) {
                throw QueryException.badRequest("--extends and --implements apply to classes only");
            }
            Hierarchy h = Hierarchy.of(index, deadline);
            if (q.extendsType() != null) {
                f.in("c.descriptor", h.subclasses(Descriptors.userType(q.extendsType()), q.direct()));
            }
            if (q.implementsType() != null) {
                f.in("c.descriptor", h.implementers(Descriptors.userType(q.implementsType()), q.direct()));
            }
        }
        StringBuilder order = new StringBuilder();
        for (String s : q.sort()) {
            boolean desc = s.startsWith("-") || s.endsWith(":desc");
            String name = s.startsWith("-") ? s.substring(1) : s.replaceFirst(":(desc|asc)$", "");
            Column c = l.column(name);
            order.append(order.length() == 0 ? "" : ", ").append(c.sql()).append(desc ? " DESC" : "");
        }
        order.append(order.length() == 0 ? "" : ", ").append(l.idSql());
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < cols.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(cols.get(i).sql());
        }
        select.append(" FROM ").append(l.from()).append(f.where()).append(" ORDER BY ").append(order);
        if (q.limit() > 0 || q.offset() > 0) {
            select.append(" LIMIT ").append(q.limit() > 0 ? q.limit() : -1).append(" OFFSET ").append(q.offset());
        }
        String count = "SELECT count(*) FROM " + l.from() + f.where();
        return new ListingSql(cols, select.toString(), count, f.params, f);
    }

    static String placeholders(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ",?");
        }
        return sb.toString();
    }
}
