package dev.quiver.cli.shell.smalisca;

import dev.quiver.core.query.Column;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.NamePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * smalisca's tables ({@code classes}, {@code properties}, {@code const_strings}, {@code methods},
 * {@code calls}) and their column names, mapped onto Quiver's listings: which Quiver columns a row
 * is read from, how each smalisca column's value is made from them, and how a search pattern on
 * it becomes filters on Quiver's columns. No SQL: filters are {@link NamePattern}s on
 * {@link Listing} columns.
 *
 * <p>Matching is smalisca's (a substring, ignoring case) without its LIKE wildcards: {@code _} and
 * {@code %} are ordinary characters; {@code *} and {@code ?} make a glob, as everywhere in Quiver.
 * Values are Quiver's canonical forms ({@code Lcom/a/B;} with its {@code ;}).
 */
enum Table {
    CLASSES("classes", Listing.CLASSES, List.of("id", "class", "flags", "path"),
            id(),
            text("class_name", "the class descriptor, Lcom/a/B;", "class", "class"),
            flags("class_type", "access flags (public final, interface abstract, …): keywords", "flags"),
            col("class_package", Column.Type.TEXT, "the Java package, com.a (from the class descriptor)",
                    r -> packageOf((String) r.get("class")), null,
                    (q, p) -> q.where("class", glob("*" + p.replace('.', '/') + "*/*"))),
            col("depth", Column.Type.INTEGER, "segments of the class name (Lcom/a/B; is 3)",
                    r -> depthOf((String) r.get("class")), null, Table::depthFilter),
            text("path", "the source file, relative to its input", "path", "path")),

    PROPERTIES("properties", Listing.FIELDS, List.of("id", "name", "type", "flags", "class"),
            id(),
            text("property_name", "the field name", "name", "name"),
            text("property_type", "the field type, I or Ljava/lang/String;", "type", "type"),
            flags("property_info", "access flags (private static final): keywords", "flags"),
            text("property_class", "the class defining the field", "class", "class")),

    CONST_STRINGS("const_strings", Listing.STRINGS, List.of("id", "value", "class", "method"),
            id(),
            text("const_string_value", "the string, unescaped", "value", "value"),
            text("const_string_class", "the class of the method loading it", "class", "class"),
            text("const_string_method", "the method loading it (new in Quiver)", "method", "method")),

    METHODS("methods", Listing.METHODS, List.of("id", "name", "flags", "parameters", "return_type", "class"),
            id(),
            text("method_name", "the method name (<init> for constructors)", "name", "name"),
            flags("method_type", "access flags (public constructor, private static): keywords", "flags"),
            text("method_args", "the parameter types, ILjava/lang/String;", "parameters", "parameters"),
            text("method_ret", "the return type", "return_type", "return_type"),
            text("method_class", "the class defining the method", "class", "class")),

    CALLS("calls", Listing.CALLS, List.of("id", "caller_class", "caller", "registers", "target_class", "target_name",
            "target_descriptor", "kind"),
            id(),
            text("from_class", "the calling method's class", "caller_class", "caller_class"),
            col("from_method", Column.Type.TEXT, "the calling method: name and descriptor, foo(I)V (overloads apart)",
                    r -> afterArrow((String) r.get("caller")), null,
                    (q, p) -> q.where("caller", glob(memberGlob(p)))),
            text("local_args", "the argument registers, v0, p1", "registers", "registers"),
            text("dst_class", "the called method's class", "target_class", "target_class"),
            text("dst_method", "the called method's name", "target_name", "target_name"),
            col("dst_args", Column.Type.TEXT, "the called method's parameter types",
                    r -> parameters((String) r.get("target_descriptor")), null,
                    (q, p) -> q.where("target_descriptor", glob("(*" + p + "*)*"))),
            col("ret", Column.Type.TEXT, "the called method's return type",
                    r -> returnType((String) r.get("target_descriptor")), null,
                    (q, p) -> q.where("target_descriptor", glob("*)*" + p + "*"))),
            text("kind", "the invoke kind: virtual, static, direct, super, interface, …/range (new in Quiver)", "kind",
                    "kind"));

    /** How a search pattern on a column becomes filters of a {@link ListQuery}. */
    interface Filter {
        ListQuery apply(ListQuery q, String pattern);
    }

    /**
     * One smalisca column.
     *
     * @param name   smalisca's name
     * @param type   its type (integers sort as numbers)
     * @param help   one line for {@code -c ?}
     * @param value  its value, from a row of Quiver columns (by name)
     * @param sortBy the Quiver column that sorts the same way (the database sorts), or null (sorted in memory)
     * @param filter the filters a pattern on it becomes
     */
    record Col(String name, Column.Type type, String help, Function<Map<String, Object>, Object> value, String sortBy,
               Filter filter) {
        /** The column as the renderers see it. */
        Column column() {
            return Column.of(name, type, help);
        }

        /** Whether a pattern on it lists flag keywords (the columns read from Quiver's {@code flags}). */
        boolean keywords() {
            return "flags".equals(sortBy);
        }
    }

    private final String smaliscaName;
    private final Listing listing;
    private final List<String> fetch;
    private final List<Col> columns;

    Table(String smaliscaName, Listing listing, List<String> fetch, Col... columns) {
        this.smaliscaName = smaliscaName;
        this.listing = listing;
        this.fetch = fetch;
        this.columns = List.of(columns);
    }

    /** smalisca's table name. */
    String smaliscaName() {
        return smaliscaName;
    }

    Listing listing() {
        return listing;
    }

    /** The Quiver columns a row is read from. */
    List<String> fetch() {
        return fetch;
    }

    List<Col> columns() {
        return columns;
    }

    /** The column called {@code name}, or null. */
    Col column(String name) {
        for (Col c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The column names, comma-separated (for messages). */
    String names() {
        List<String> n = new ArrayList<>();
        for (Col c : columns) {
            n.add(c.name());
        }
        return String.join(", ", n);
    }

    // ---- column kinds ----------------------------------------------------------------------------

    private static Col id() {
        return new Col("id", Column.Type.INTEGER, "Quiver's row id (an exact number, or A..B, >N, <N)",
                r -> r.get("id"), "id", (q, p) -> q.where("id", NamePattern.exact(p.strip())));
    }

    /** A column shown and searched as one Quiver text column. */
    private static Col text(String name, String help, String quiver, String sortBy) {
        return new Col(name, Column.Type.TEXT, help, r -> r.get(quiver), sortBy, (q, p) -> q.where(quiver, auto(p)));
    }

    /** Access flags: a pattern lists keywords that must be there ({@code !final}: must not). */
    private static Col flags(String name, String help, String quiver) {
        return new Col(name, Column.Type.TEXT, help, r -> r.get(quiver), quiver,
                (q, p) -> q.where(quiver, NamePattern.exact(p)));
    }

    private static Col col(String name, Column.Type type, String help, Function<Map<String, Object>, Object> value,
                           String sortBy, Filter filter) {
        return new Col(name, type, help, value, sortBy, filter);
    }

    // ---- patterns --------------------------------------------------------------------------------

    /** smalisca's reading of a pattern: a substring ignoring case (a glob when it has * or ?). */
    static NamePattern auto(String p) {
        return NamePattern.auto(p, true);
    }

    /** A glob built around the user's text, ignoring case. */
    static NamePattern glob(String g) {
        return new NamePattern(NamePattern.Mode.GLOB, g, true);
    }

    /**
     * A method's name containing {@code p}, as a glob over full signatures: {@code *->*p*(*}
     * (class descriptors never hold {@code ->}, names never {@code (}). With a {@code (} in it,
     * {@code p} is matched in name and descriptor together ({@code encrypt([B)}), so one overload can
     * be named.
     */
    static String memberGlob(String p) {
        return p.indexOf('(') >= 0 ? "*->*" + p + "*" : "*->*" + p + "*(*";
    }

    private static ListQuery depthFilter(ListQuery q, String p) {
        int n;
        try {
            n = Integer.parseInt(p.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("depth is a number of name segments (Lcom/a/B; is 3), not '" + p + "'");
        }
        if (n < 1) {
            throw new IllegalArgumentException("depth must be 1 or more");
        }
        return q.where("class", new NamePattern(NamePattern.Mode.REGEX, "^L(?:[^/]*/){" + (n - 1) + "}[^/]*$", false));
    }

    // ---- derived values --------------------------------------------------------------------------

    /** {@code Lcom/a/B;} → {@code com.a} ("" for the default package). */
    static String packageOf(String cls) {
        if (cls == null) {
            return null;
        }
        int slash = cls.lastIndexOf('/');
        return slash < 0 ? "" : cls.substring(cls.startsWith("L") ? 1 : 0, slash).replace('/', '.');
    }

    /** {@code Lcom/a/B;} → 3. */
    static Long depthOf(String cls) {
        if (cls == null) {
            return null;
        }
        return cls.chars().filter(ch -> ch == '/').count() + 1;
    }

    /** {@code Lcom/a/B;->foo(I)V} → {@code foo(I)V}. */
    static String afterArrow(String sig) {
        if (sig == null) {
            return null;
        }
        int arrow = sig.indexOf("->");
        return arrow < 0 ? sig : sig.substring(arrow + 2);
    }

    /** {@code Lcom/a/B;->foo(I)V} → {@code Lcom/a/B;}. */
    static String beforeArrow(String sig) {
        if (sig == null) {
            return null;
        }
        int arrow = sig.indexOf("->");
        return arrow < 0 ? sig : sig.substring(0, arrow);
    }

    /** {@code (I[B)V} → {@code I[B}. */
    static String parameters(String descriptor) {
        if (descriptor == null) {
            return null;
        }
        int close = descriptor.indexOf(')');
        return descriptor.startsWith("(") && close > 0 ? descriptor.substring(1, close) : descriptor;
    }

    /** {@code (I[B)V} → {@code V}. */
    static String returnType(String descriptor) {
        if (descriptor == null) {
            return null;
        }
        int close = descriptor.indexOf(')');
        return close < 0 ? "" : descriptor.substring(close + 1);
    }

    /** {@code foo(I)V} → {@code foo}. */
    static String nameOf(String member) {
        if (member == null) {
            return null;
        }
        int open = member.indexOf('(');
        return open < 0 ? member : member.substring(0, open);
    }
}
