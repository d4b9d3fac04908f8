package dev.quiver.core.query;

import dev.quiver.core.model.FieldRef;
import dev.quiver.core.model.MethodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Builds the WHERE part of a query: SQL text, its parameters, and the Java predicates that SQLite
 * calls through the {@code q_match(slot, value)} function for what it cannot evaluate itself
 * (regexes, case folding, sets computed in Java). Exact values and literal prefixes become
 * index lookups and ranges.
 */
final class SqlFilter {
    final StringBuilder sql = new StringBuilder();
    final List<Object> params = new ArrayList<>();
    final List<Predicate<String>> slots = new ArrayList<>();

    /** Appends {@code AND (condition)}. */
    void and(String condition, Object... values) {
        sql.append(sql.length() == 0 ? "" : " AND ").append('(').append(condition).append(')');
        params.addAll(List.of(values));
    }

    /** A condition evaluated in Java on {@code expr}'s text. */
    void javaMatch(String expr, Predicate<String> predicate) {
        slots.add(predicate);
        and("q_match(" + (slots.size() - 1) + ", " + expr + ")");
    }

    /**
     * {@code expr} is one of {@code values}: an {@code IN} list through the index for a small set, a
     * Java set lookup for a large one (SQLite limits bound parameters).
     */
    void in(String expr, java.util.Set<String> values) {
        if (values.isEmpty()) {
            and("0");
        } else if (values.size() <= 500) {
            and(expr + " IN (" + ListingSql.placeholders(values.size()) + ")", values.toArray());
        } else {
            javaMatch(expr, values::contains);
        }
    }

    String where() {
        return sql.length() == 0 ? "" : " WHERE " + sql;
    }

    /** Adds the condition for one filter on one column. */
    void add(Column col, NamePattern p) throws QueryException {
        switch (col.type()) {
            case TEXT -> text(col, p);
            case FLAGS -> flags(col, p.text());
            case INTEGER -> integer(col, p.text());
            case BOOLEAN -> bool(col, p.text());
            default -> throw new IllegalStateException(col.type().toString());
        }
    }

    private void text(Column col, NamePattern p) throws QueryException {
        p.validate();
        if (p.mode() == NamePattern.Mode.EXACT && !p.ignoreCase() && col.parts() != null) {
            exactSignature(col, p.text());
            return;
        }
        if (p.nativeSql()) {
            switch (p.mode()) {
                case EXACT -> and(col.sql() + " = ?", p.text());
                case SUBSTRING -> and("instr(" + col.sql() + ", ?) > 0", p.text());
                case GLOB -> and(col.sql() + " GLOB ?", NamePattern.sqliteGlob(p.text()));
                default -> throw new IllegalStateException();
            }
        } else {
            NamePattern.Compiled m = NamePattern.Compiled.of(p);
            javaMatch(col.sql(), m::test);
        }
        prefixRange(col, p.literalPrefix());
    }

    /** An exact signature: its parts through their indexes (a malformed one matches nothing). */
    private void exactSignature(Column col, String text) {
        String[] parts = col.parts();
        String a;
        String b;
        String c;
        if (col.sql().contains("|| ':' ||")) {
            FieldRef f = FieldRef.parse(text);
            if (f == null) {
                and("0");
                return;
            }
            a = f.owner();
            b = f.name();
            c = f.type();
        } else {
            MethodRef m = MethodRef.parse(text);
            if (m == null) {
                and("0");
                return;
            }
            a = m.owner();
            b = m.name();
            c = m.descriptor();
        }
        and(parts[0] + " = ? AND " + parts[1] + " = ? AND " + parts[2] + " = ?", a, b, c);
    }

    /**
     * A literal prefix becomes a range on the column's indexed prefix column: {@code Lcom/foo/*}
     * reads only the classes of that package. For a signature whose prefix reaches past its class
     * ({@code Lcom/a/B;->run*}), the class is known exactly.
     */
    private void prefixRange(Column col, String prefix) {
        if (col.prefixCol() == null || prefix.isEmpty()) {
            return;
        }
        if (col.parts() != null) {
            int arrow = prefix.indexOf("->");
            if (arrow > 0) {
                and(col.prefixCol() + " = ?", prefix.substring(0, arrow));
                return;
            }
        }
        and(col.prefixCol() + " >= ?", prefix);
        char last = prefix.charAt(prefix.length() - 1);
        if (last < Character.MIN_SURROGATE - 1) {
            and(col.prefixCol() + " < ?", prefix.substring(0, prefix.length() - 1) + (char) (last + 1));
        }
    }

    /** {@code public static}, {@code public,!final}: every keyword present, every {@code !keyword} absent. */
    private void flags(Column col, String text) throws QueryException {
        String[] words = text.trim().split("[\\s,]+");
        if (text.isBlank()) {
            throw QueryException.badRequest("empty flags filter; give keywords such as 'public static' or '!final'");
        }
        for (String w : words) {
            boolean not = w.startsWith("!");
            String k = (not ? w.substring(1) : w).toLowerCase(Locale.ROOT);
            if (!k.matches("[a-z-]+")) {
                throw QueryException.badRequest("bad flag keyword '" + w + "' (expected e.g. public, static, !final)");
            }
            and((not ? "NOT " : "") + "instr(' ' || " + col.sql() + " || ' ', ?) > 0", " " + k + " ");
        }
    }

    private void integer(Column col, String text) throws QueryException {
        String t = text.trim();
        try {
            int dots = t.indexOf("..");
            if (dots >= 0) {
                String lo = t.substring(0, dots).trim();
                String hi = t.substring(dots + 2).trim();
                if (!lo.isEmpty()) {
                    and(col.sql() + " >= ?", Long.parseLong(lo));
                }
                if (!hi.isEmpty()) {
                    and(col.sql() + " <= ?", Long.parseLong(hi));
                }
            } else if (t.startsWith(">=") || t.startsWith("<=")) {
                and(col.sql() + " " + t.substring(0, 2) + " ?", Long.parseLong(t.substring(2).trim()));
            } else if (t.startsWith(">") || t.startsWith("<")) {
                and(col.sql() + " " + t.charAt(0) + " ?", Long.parseLong(t.substring(1).trim()));
            } else {
                and(col.sql() + " = ?", Long.parseLong(t));
            }
        } catch (NumberFormatException e) {
            throw QueryException.badRequest("bad number '" + text + "' for column " + col.name()
                    + " (expected N, A..B, >N or <N)");
        }
    }

    private void bool(Column col, String text) throws QueryException {
        String t = text.trim().toLowerCase(Locale.ROOT);
        boolean v = switch (t) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw QueryException.badRequest("bad value '" + text + "' for column " + col.name()
                    + " (expected true or false)");
        };
        and(col.sql() + " = ?", v ? 1 : 0);
    }
}
