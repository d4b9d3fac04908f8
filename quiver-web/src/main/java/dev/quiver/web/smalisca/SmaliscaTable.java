package dev.quiver.web.smalisca;

import dev.quiver.core.query.Listing;
import java.util.List;

/**
 * One of smalisca's five tables, as a view of a Quiver listing: its columns (smalisca's names,
 * computed from Quiver's columns) and, for classes, the related rows smalisca embedded in each object.
 */
record SmaliscaTable(String name, Listing listing, List<SmaliscaColumn> columns) {
    static final SmaliscaTable CLASSES = new SmaliscaTable("classes", Listing.CLASSES, List.of(
            SmaliscaColumn.id(),
            SmaliscaColumn.className("class_name", "class"),
            SmaliscaColumn.same("class_type", "flags"),
            SmaliscaColumn.derived("class_package", "class", false, SmaliscaColumn::packageOf, "class"),
            SmaliscaColumn.derived("depth", "class", true, SmaliscaColumn::depthOf, null),
            SmaliscaColumn.same("path", "path")));

    static final SmaliscaTable PROPERTIES = new SmaliscaTable("properties", Listing.FIELDS, List.of(
            SmaliscaColumn.id(),
            SmaliscaColumn.same("property_name", "name"),
            SmaliscaColumn.className("property_type", "type"),
            SmaliscaColumn.same("property_info", "flags"),
            SmaliscaColumn.className("property_class", "class")));

    static final SmaliscaTable CONST_STRINGS = new SmaliscaTable("const_strings", Listing.STRINGS, List.of(
            SmaliscaColumn.id(),
            SmaliscaColumn.unrecorded("const_string_var"),
            SmaliscaColumn.same("const_string_value", "value"),
            SmaliscaColumn.className("const_string_class", "class")));

    static final SmaliscaTable METHODS = new SmaliscaTable("methods", Listing.METHODS, List.of(
            SmaliscaColumn.id(),
            SmaliscaColumn.same("method_name", "name"),
            SmaliscaColumn.same("method_type", "flags"),
            SmaliscaColumn.same("method_args", "parameters"),
            SmaliscaColumn.same("method_ret", "return_type"),
            SmaliscaColumn.className("method_class", "class")));

    static final SmaliscaTable CALLS = new SmaliscaTable("calls", Listing.CALLS, List.of(
            SmaliscaColumn.id(),
            SmaliscaColumn.className("from_class", "caller_class"),
            SmaliscaColumn.derived("from_method", "caller", false, SmaliscaColumn::nameOf, null),
            SmaliscaColumn.derived("local_args", "registers", false, r -> "{" + r + "}", "registers"),
            SmaliscaColumn.className("dst_class", "target_class"),
            SmaliscaColumn.same("dst_method", "target_name"),
            SmaliscaColumn.derived("dst_args", "target_descriptor", false, SmaliscaColumn::paramsOf, null),
            SmaliscaColumn.derived("ret", "target_descriptor", false, SmaliscaColumn::returnOf, null)));

    static final List<SmaliscaTable> ALL = List.of(CLASSES, PROPERTIES, CONST_STRINGS, METHODS, CALLS);

    SmaliscaColumn column(String n) {
        for (SmaliscaColumn c : columns) {
            if (c.name().equals(n)) {
                return c;
            }
        }
        return null;
    }

    String names() {
        StringBuilder sb = new StringBuilder();
        for (SmaliscaColumn c : columns) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c.name());
        }
        return sb.toString();
    }

    /** The Quiver columns the smalisca columns are computed from (what a query must fetch). */
    List<String> sources() {
        java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>();
        for (SmaliscaColumn c : columns) {
            if (c.source() != null) {
                s.add(c.source());
            }
        }
        s.add("app");
        return List.copyOf(s);
    }
}
