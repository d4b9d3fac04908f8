package dev.quiver.core.query;

/**
 * One column of a listing: its name (the key in JSON and CSV, the header in tables), its type, and
 * how it is computed. Front ends see only the name, type and help; the SQL stays in this package.
 *
 * @param name      stable public name, lower case with underscores ({@code target_class})
 * @param type      what the values are, and how a filter value is read
 * @param help      one line for {@code --help} and the OpenAPI document
 * @param sql       the SQL expression (package-private use)
 * @param prefixCol a plain, indexed SQL column whose value is a prefix of this column's value, used to
 *                  turn a literal pattern prefix into an index range; null when there is none
 * @param parts     for a method or field signature column, its class, name and descriptor/type
 *                  expressions (an exact signature is looked up by its parts, through the indexes); else null
 */
public record Column(String name, Type type, String help, String sql, String prefixCol, String[] parts) {
    /** Column types. */
    public enum Type {
        /** Text, filtered by a {@link NamePattern}. */
        TEXT,
        /** Access flags as space-separated keywords; a filter lists keywords that must (or, with {@code !}, must not) be there. */
        FLAGS,
        /** Whole numbers; a filter is {@code N}, {@code A..B}, {@code >N} or {@code <N}. */
        INTEGER,
        /** 0 or 1 in SQL, true or false in JSON; a filter is {@code true} or {@code false}. */
        BOOLEAN
    }

    /** A column of a computed answer (cross-references, SQL results): name, type and help only. */
    public static Column of(String name, Type type, String help) {
        return new Column(name, type, help, "", null, null);
    }

    static Column text(String name, String sql, String help) {
        return new Column(name, Type.TEXT, help, sql, null, null);
    }

    /** A descriptor column with an index of its own. */
    static Column indexed(String name, String sql, String help) {
        return new Column(name, Type.TEXT, help, sql, sql, null);
    }

    static Column integer(String name, String sql, String help) {
        return new Column(name, Type.INTEGER, help, sql, null, null);
    }

    static Column bool(String name, String sql, String help) {
        return new Column(name, Type.BOOLEAN, help, sql, null, null);
    }

    static Column flags(String name, String sql, String help) {
        return new Column(name, Type.FLAGS, help, sql, null, null);
    }

    /** A method signature {@code cls->name(desc)R} built from three expressions. */
    static Column methodSignature(String name, String cls, String mname, String desc, String help) {
        return new Column(name, Type.TEXT, help, cls + " || '->' || " + mname + " || " + desc, cls,
                new String[] {cls, mname, desc});
    }

    /** A field signature {@code cls->name:type} built from three expressions. */
    static Column fieldSignature(String name, String cls, String fname, String type, String help) {
        return new Column(name, Type.TEXT, help, cls + " || '->' || " + fname + " || ':' || " + type, cls,
                new String[] {cls, fname, type});
    }
}
