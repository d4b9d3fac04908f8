package dev.quiver.web.smalisca;

import java.util.function.Function;

/**
 * One column of a smalisca table, computed from one column of a Quiver listing.
 *
 * @param name    smalisca's column name ({@code class_name})
 * @param source  the Quiver column it is computed from ({@code class}); null when Quiver does not
 *                record it (the value is then always null, as in a table where it was never filled)
 * @param integer whether the value is a number
 * @param value   Quiver's value (as text) → smalisca's value
 * @param inverse smalisca's value → Quiver's, when the mapping is one to one (an {@code ==} filter
 *                then becomes an exact, indexed Quiver filter); null otherwise
 * @param sortBy  the Quiver column that orders like this one, or null when it cannot be ordered
 */
record SmaliscaColumn(String name, String source, boolean integer, Function<String, Object> value,
                      Function<String, String> inverse, String sortBy) {

    static SmaliscaColumn same(String name, String source) {
        return new SmaliscaColumn(name, source, false, v -> v, v -> v, source);
    }

    static SmaliscaColumn id() {
        return new SmaliscaColumn("id", "id", true, Long::valueOf, v -> v, "id");
    }

    /**
     * A type written as smalisca did: a class without its {@code ;} ({@code Lcom/a/B},
     * {@code [Ljava/lang/String}); primitives and their arrays as they are.
     */
    static SmaliscaColumn className(String name, String source) {
        return new SmaliscaColumn(name, source, false, SmaliscaColumn::stripSemicolon, SmaliscaColumn::addSemicolon,
                source);
    }

    /** The inverse of {@link #stripSemicolon} for a type: a class type gets its {@code ;} back. */
    static String addSemicolon(String t) {
        int i = 0;
        while (i < t.length() && t.charAt(i) == '[') {
            i++;
        }
        return i < t.length() && t.charAt(i) == 'L' && !t.endsWith(";") ? t + ";" : t;
    }

    static SmaliscaColumn derived(String name, String source, boolean integer, Function<String, Object> value,
                                  String sortBy) {
        return new SmaliscaColumn(name, source, integer, value, null, sortBy);
    }

    static SmaliscaColumn unrecorded(String name) {
        return new SmaliscaColumn(name, null, false, v -> null, null, null);
    }

    /** The smalisca value of a Quiver value (null stays null). */
    Object of(Object quiverValue) {
        return quiverValue == null || source == null ? null : value.apply(quiverValue.toString());
    }

    static String stripSemicolon(String d) {
        return d.endsWith(";") ? d.substring(0, d.length() - 1) : d;
    }

    /** smalisca's package: the class name without its last segment, slashes as dots ({@code Lcom.a}). */
    static String packageOf(String descriptor) {
        String n = stripSemicolon(descriptor);
        int slash = n.lastIndexOf('/');
        return slash < 0 ? "" : n.substring(0, slash).replace('/', '.');
    }

    /** smalisca's depth: the number of {@code /}-separated segments of the class name. */
    static long depthOf(String descriptor) {
        return stripSemicolon(descriptor).split("/", -1).length;
    }

    /** The method name of a full signature ({@code run} of {@code Lcom/a/B;->run()V}). */
    static String nameOf(String signature) {
        int arrow = signature.indexOf("->");
        int paren = signature.indexOf('(', arrow + 2);
        return arrow < 0 || paren < 0 ? signature : signature.substring(arrow + 2, paren);
    }

    /** The parameter types of a method descriptor ({@code I[B} of {@code (I[B)V}). */
    static String paramsOf(String descriptor) {
        int close = descriptor.indexOf(')');
        return descriptor.startsWith("(") && close > 0 ? descriptor.substring(1, close) : descriptor;
    }

    /** The return type of a method descriptor ({@code V} of {@code (I[B)V}). */
    static String returnOf(String descriptor) {
        int close = descriptor.indexOf(')');
        return close >= 0 ? descriptor.substring(close + 1) : descriptor;
    }
}
