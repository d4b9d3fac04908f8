package dev.quiver.core.query;

/**
 * One condition on one column: {@code column} matched by {@code pattern}. For text columns the
 * pattern's mode applies; for flags, integer and boolean columns its text is read by the column's
 * type (see {@link Column.Type}).
 */
public record Filter(String column, NamePattern pattern) {
    public Filter {
        if (column == null || pattern == null) {
            throw new IllegalArgumentException("column and pattern are required");
        }
    }
}
