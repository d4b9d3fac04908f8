package dev.quiver.core.query;

import java.util.function.Predicate;

/**
 * One condition on one column: {@code column} matched by {@code pattern}. For text columns the
 * pattern's mode applies; for flags, integer and boolean columns its text is read by the column's
 * type (see {@link Column.Type}).
 *
 * <p>Or, for a front end whose own query language the patterns cannot express (the web server's
 * smalisca-compatible API: {@code !=}, {@code in}, values derived from a column), a {@code test}
 * run in Java on the column's value as text; a NULL value never passes. Such a filter uses no
 * index, and runs under the question's {@link Deadline} like a regex.
 */
public record Filter(String column, NamePattern pattern, Predicate<String> test) {
    public Filter {
        if (column == null || (pattern == null) == (test == null)) {
            throw new IllegalArgumentException("a column and either a pattern or a test are required");
        }
    }

    public Filter(String column, NamePattern pattern) {
        this(column, pattern, null);
    }
}
