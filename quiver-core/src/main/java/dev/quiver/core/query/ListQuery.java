package dev.quiver.core.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A question for a {@link Listing}: filters (all must hold), the apps to look in, hierarchy
 * conditions (classes only), sort order, columns and a page. Immutable; build it with {@link #of}
 * and the {@code with…} methods.
 *
 * @param listing    what to list
 * @param filters    column conditions, all of which must hold
 * @param app        an app selector (id, path, package name or SHA-256 prefix; see {@link Index#apps}), or null for all
 * @param extendsType     classes only: a class the listed classes extend, or null
 * @param implementsType  classes only: an interface the listed classes implement, or null
 * @param direct     hierarchy conditions look one level only (default: transitively)
 * @param sort       column names, each optionally prefixed by {@code -} or followed by {@code :desc} for
 *                   descending; empty: id order
 * @param columns    columns to return, empty: all of them
 * @param limit      at most this many rows (0: no limit)
 * @param offset     rows to skip first
 */
public record ListQuery(Listing listing, List<Filter> filters, String app, String extendsType, String implementsType,
                        boolean direct, List<String> sort, List<String> columns, long limit, long offset) {
    public ListQuery {
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
        columns = List.copyOf(columns);
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative");
        }
    }

    public static ListQuery of(Listing listing) {
        return new ListQuery(listing, List.of(), null, null, null, false, List.of(), List.of(), 0, 0);
    }

    public ListQuery where(String column, NamePattern pattern) {
        List<Filter> f = new ArrayList<>(filters);
        f.add(new Filter(column, pattern));
        return new ListQuery(listing, f, app, extendsType, implementsType, direct, sort, columns, limit, offset);
    }

    /**
     * Adds a condition tested in Java on the column's value as text (a NULL value never passes): for
     * conditions a {@link NamePattern} cannot express. No index helps it; prefer {@link #where}.
     */
    public ListQuery whereTest(String column, java.util.function.Predicate<String> test) {
        List<Filter> f = new ArrayList<>(filters);
        f.add(new Filter(column, null, test));
        return new ListQuery(listing, f, app, extendsType, implementsType, direct, sort, columns, limit, offset);
    }

    public ListQuery withApp(String selector) {
        return new ListQuery(listing, filters, selector, extendsType, implementsType, direct, sort, columns, limit, offset);
    }

    public ListQuery withHierarchy(String extendsType, String implementsType, boolean direct) {
        return new ListQuery(listing, filters, app, extendsType, implementsType, direct, sort, columns, limit, offset);
    }

    public ListQuery withSort(List<String> sort) {
        return new ListQuery(listing, filters, app, extendsType, implementsType, direct, sort, columns, limit, offset);
    }

    public ListQuery withColumns(List<String> columns) {
        return new ListQuery(listing, filters, app, extendsType, implementsType, direct, sort, columns, limit, offset);
    }

    public ListQuery withPage(long limit, long offset) {
        return new ListQuery(listing, filters, app, extendsType, implementsType, direct, sort, columns, limit, offset);
    }
}
