package dev.quiver.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table a user can list and filter: classes, methods, fields, strings, calls, field references
 * and type references, each with the columns a user would filter, sort and print by. The row order
 * without {@code --sort} is the database's id order, which is the input's (sorted) file order:
 * the same for every {@code -j}.
 */
public final class Listing {
    private static final String SOURCES = " JOIN sources s ON s.id = c.source_id";
    /** The intent filter items of one kind of component {@code k}, in manifest order. */
    private static final String ITEMS = "(SELECT group_concat(v, CASE '%1$s' WHEN 'data' THEN '; ' ELSE ' ' END) FROM"
            + " (SELECT x.value AS v FROM intent_filters f JOIN intent_filter_items x ON x.filter_id = f.id"
            + " WHERE f.component_id = k.id AND x.kind = '%1$s' ORDER BY f.position, x.position))";
    private static final String METHOD_OF = " JOIN methods m ON m.id = %s.method_id JOIN classes c ON c.id = m.class_id";

    public static final Listing CLASSES = new Listing("classes", "c.id",
            "classes c" + SOURCES,
            List.of("class", "flags", "superclass", "path"),
            Column.integer("id", "c.id", "row id in the database"),
            Column.indexed("class", "c.descriptor", "the class descriptor, Lcom/a/B;"),
            Column.flags("flags", "c.flags", "access flags as written (public final …)"),
            Column.indexed("superclass", "c.superclass", "the direct superclass"),
            Column.text("interfaces", "(SELECT group_concat(d, ' ') FROM (SELECT i.descriptor AS d FROM interfaces i"
                    + " WHERE i.class_id = c.id ORDER BY i.position))", "directly implemented interfaces, in order"),
            Column.text("annotations", "(SELECT group_concat(d, ' ') FROM (SELECT a.type AS d FROM annotations a"
                    + " WHERE a.class_id = c.id ORDER BY a.position))", "class annotation types, in order"),
            Column.text("source_file", "c.source_file", "the .source attribute"),
            Column.integer("methods", "(SELECT count(*) FROM methods x WHERE x.class_id = c.id)", "number of methods"),
            Column.integer("fields", "(SELECT count(*) FROM fields x WHERE x.class_id = c.id)", "number of fields"),
            Column.bool("duplicate", "c.duplicate", "defined more than once in its input"),
            Column.text("path", "s.path", "source file, relative to its input"),
            Column.integer("line", "c.line", "line of .class (0 for DEX input)"),
            Column.integer("app", "c.input_id", "the input (app) id"));

    public static final Listing METHODS = new Listing("methods", "m.id",
            "methods m JOIN classes c ON c.id = m.class_id" + SOURCES,
            List.of("method", "flags", "path", "line"),
            Column.integer("id", "m.id", "row id in the database"),
            Column.methodSignature("method", "c.descriptor", "m.name", "m.descriptor", "full signature, Lcom/a/B;->foo(I)V"),
            Column.indexed("class", "c.descriptor", "the defining class"),
            Column.indexed("name", "m.name", "simple name (<init> for constructors)"),
            Column.text("descriptor", "m.descriptor", "(I[B)V"),
            Column.text("parameters", "m.parameters", "parameter types, I[B"),
            Column.text("return_type", "m.return_type", "return type, V"),
            Column.flags("flags", "m.flags", "access flags"),
            Column.integer("registers", "m.registers", ".registers count (null without a body)"),
            Column.text("path", "s.path", "source file"),
            Column.integer("line", "m.first_line", "line of .method"),
            Column.integer("last_line", "m.last_line", "line of .end method"),
            Column.integer("app", "c.input_id", "the input (app) id"));

    public static final Listing FIELDS = new Listing("fields", "f.id",
            "fields f JOIN classes c ON c.id = f.class_id" + SOURCES,
            List.of("field", "flags", "value", "path", "line"),
            Column.integer("id", "f.id", "row id in the database"),
            Column.fieldSignature("field", "c.descriptor", "f.name", "f.type", "full signature, Lcom/a/B;->count:I"),
            Column.indexed("class", "c.descriptor", "the defining class"),
            Column.indexed("name", "f.name", "simple name"),
            Column.text("type", "f.type", "type descriptor"),
            Column.flags("flags", "f.flags", "access flags"),
            Column.text("value", "f.initial_value", "initial value as written in smali"),
            Column.text("path", "s.path", "source file"),
            Column.integer("line", "f.line", "line of .field"),
            Column.integer("app", "c.input_id", "the input (app) id"));

    public static final Listing STRINGS = new Listing("strings", "t.id",
            "strings t" + METHOD_OF.formatted("t") + SOURCES,
            List.of("value", "method", "path", "line"),
            Column.integer("id", "t.id", "row id in the database"),
            Column.indexed("value", "t.value", "the string constant, unescaped"),
            Column.methodSignature("method", "c.descriptor", "m.name", "m.descriptor", "the method that loads it"),
            Column.indexed("class", "c.descriptor", "the class of that method"),
            Column.bool("jumbo", "t.jumbo", "const-string/jumbo"),
            Column.text("path", "s.path", "source file"),
            Column.integer("line", "t.line", "line of the instruction"),
            Column.integer("app", "c.input_id", "the input (app) id"));

    public static final Listing CALLS = new Listing("calls", "k.id",
            "calls k JOIN method_ids t ON t.id = k.target_id" + METHOD_OF.formatted("k") + SOURCES,
            List.of("caller", "kind", "callee", "path", "line"),
            Column.integer("id", "k.id", "row id in the database"),
            Column.methodSignature("caller", "c.descriptor", "m.name", "m.descriptor", "the calling method"),
            Column.methodSignature("callee", "t.class", "t.name", "t.descriptor", "the method as the instruction names it"),
            Column.text("kind", "k.kind", "invoke kind: virtual, static, direct, super, interface, …/range"),
            Column.indexed("target_class", "t.class", "class part of the callee"),
            Column.text("target_name", "t.name", "name part of the callee"),
            Column.text("target_descriptor", "t.descriptor", "descriptor part of the callee"),
            Column.indexed("caller_class", "c.descriptor", "class of the calling method"),
            Column.text("registers", "k.registers", "argument registers as written"),
            Column.text("extra", "k.extra", "invoke-polymorphic prototype or invoke-custom call site"),
            Column.text("path", "s.path", "source file"),
            Column.integer("line", "k.line", "line of the instruction"),
            Column.integer("app", "c.input_id", "the input (app) id"));

    public static final Listing FIELD_REFS = new Listing("field-refs", "r.id",
            "field_refs r JOIN field_ids t ON t.id = r.target_id" + METHOD_OF.formatted("r") + SOURCES,
            List.of("method", "access", "field", "path", "line"),
            Column.integer("id", "r.id", "row id in the database"),
            Column.methodSignature("method", "c.descriptor", "m.name", "m.descriptor", "the accessing method"),
            Column.fieldSignature("field", "t.class", "t.name", "t.type", "the field as the instruction names it"),
            Column.text("kind", "r.kind", "opcode: iget-object, sput-wide, …"),
            Column.text("access", "CASE WHEN substr(r.kind, 2, 3) = 'get' THEN 'read' ELSE 'write' END", "read or write"),
            Column.indexed("target_class", "t.class", "class part of the field"),
            Column.text("target_name", "t.name", "name part of the field"),
            Column.text("target_type", "t.type", "type part of the field"),
            Column.indexed("class", "c.descriptor", "class of the accessing method"),
            Column.text("path", "s.path", "source file"),
            Column.integer("line", "r.line", "line of the instruction"),
            Column.integer("app", "c.input_id", "the input (app) id"));

    public static final Listing TYPE_REFS = new Listing("type-refs", "r.id",
            "type_refs r" + METHOD_OF.formatted("r") + SOURCES,
            List.of("method", "kind", "type", "path", "line"),
            Column.integer("id", "r.id", "row id in the database"),
            Column.methodSignature("method", "c.descriptor", "m.name", "m.descriptor", "the referencing method"),
            Column.text("kind", "r.kind", "new-instance, const-class, check-cast, instance-of, new-array, …"),
            Column.indexed("type", "r.type", "the type referenced"),
            Column.indexed("class", "c.descriptor", "class of the referencing method"),
            Column.text("path", "s.path", "source file"),
            Column.integer("line", "r.line", "line of the instruction"),
            Column.integer("app", "c.input_id", "the input (app) id"));

    /** The inputs (apps) of the index, with their identity. */
    public static final Listing APPS = new Listing("apps", "i.id", "inputs i",
            List.of("id", "kind", "package", "version_name", "classes", "problems", "path"),
            Column.integer("id", "i.id", "the input (app) id, what --app takes"),
            Column.text("path", "i.path", "the file or directory parsed, absolute"),
            Column.text("kind", "i.kind", "apk, dex or smali"),
            Column.integer("bytes", "i.bytes", "size of the file (a smali tree: of its smali files)"),
            Column.text("sha256", "i.sha256", "SHA-256 of the file (null for a directory)"),
            Column.text("package", "i.package", "the manifest's package"),
            Column.integer("version_code", "i.version_code", "android:versionCode"),
            Column.text("version_name", "i.version_name", "android:versionName"),
            Column.integer("min_sdk", "i.min_sdk", "minSdkVersion"),
            Column.integer("target_sdk", "i.target_sdk", "targetSdkVersion"),
            Column.integer("files", "(SELECT count(*) FROM sources s WHERE s.input_id = i.id)", "source files read"),
            Column.integer("classes", "(SELECT count(*) FROM classes c WHERE c.input_id = i.id)", "classes defined"),
            Column.integer("problems", "(SELECT count(*) FROM problems p WHERE p.input_id = i.id)", "problems recorded"),
            Column.integer("app", "i.id", "the input (app) id"));

    /** The components the manifests declare. */
    public static final Listing COMPONENTS = new Listing("components", "k.id", "components k",
            List.of("kind", "class", "exported", "permission", "actions"),
            Column.integer("id", "k.id", "row id in the database"),
            Column.text("kind", "k.kind", "activity, activity-alias, service, receiver or provider"),
            Column.text("name", "k.name", "android:name as written"),
            Column.indexed("class", "k.class", "the class, as a descriptor"),
            Column.bool("exported", "k.exported", "reachable from other apps (explicit or implied)"),
            Column.text("exported_reason", "k.exported_reason", "how exported was decided"),
            Column.text("permission", "k.permission", "permission callers need (the component's or the application's)"),
            Column.text("read_permission", "k.read_permission", "a provider's readPermission"),
            Column.text("write_permission", "k.write_permission", "a provider's writePermission"),
            Column.text("process", "k.process", "android:process"),
            Column.bool("enabled", "k.enabled", "false when disabled (or the application is)"),
            Column.text("authorities", "k.authorities", "a provider's authorities"),
            Column.text("target_activity", "k.target_activity", "an activity-alias's target, as a descriptor"),
            Column.text("actions", ITEMS.formatted("action"), "intent filter actions, space-separated"),
            Column.text("categories", ITEMS.formatted("category"), "intent filter categories, space-separated"),
            Column.text("data", ITEMS.formatted("data"), "intent filter data elements, '; '-separated"),
            Column.integer("app", "k.input_id", "the input (app) id"));

    /** Permissions the manifests request and define. */
    public static final Listing PERMISSIONS = new Listing("permissions", "p.id", "permissions p",
            List.of("kind", "name", "protection_level"),
            Column.integer("id", "p.id", "row id in the database"),
            Column.text("kind", "p.kind", "uses-permission, uses-permission-sdk-23, permission or permission-tree"),
            Column.text("name", "p.name", "the permission"),
            Column.text("protection_level", "p.protection_level", "a defined permission's level (signature|privileged)"),
            Column.integer("max_sdk", "p.max_sdk", "a request's android:maxSdkVersion"),
            Column.integer("app", "p.input_id", "the input (app) id"));

    /** Problems recorded while parsing. */
    public static final Listing PROBLEMS = new Listing("problems", "p.id",
            "problems p",
            List.of("kind", "path", "line", "message"),
            Column.integer("id", "p.id", "row id in the database"),
            Column.text("kind", "p.kind", "syntax, encoding, duplicate-class, io, … (docs/SCHEMA.md)"),
            Column.text("path", "p.path", "the file, relative to its input"),
            Column.integer("line", "p.line", "the line (0 when not tied to one)"),
            Column.text("message", "p.message", "what went wrong"),
            Column.integer("app", "p.input_id", "the input (app) id"));

    /**
     * Every listing of code rows, in the order of the documentation (what the REST API serves under
     * {@code /api/v1/<name>}, each route described in its OpenAPI document). {@link #APPS},
     * {@link #COMPONENTS} and {@link #PERMISSIONS} are not among them: apps have routes of their own, and
     * the manifest listings have no REST routes yet ({@code quiver apps} and {@code quiver manifest} use them).
     */
    public static final List<Listing> ALL = List.of(CLASSES, METHODS, FIELDS, STRINGS, CALLS, FIELD_REFS, TYPE_REFS,
            PROBLEMS);

    private final String name;
    private final String idSql;
    private final String from;
    private final List<Column> columns;
    private final List<String> defaults;

    private Listing(String name, String idSql, String from, List<String> defaults, Column... columns) {
        this.name = name;
        this.idSql = idSql;
        this.from = from;
        this.columns = List.of(columns);
        this.defaults = defaults;
    }

    /** The listing's public name: {@code classes}, {@code field-refs}, … */
    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The columns a table shows when none are chosen: the ones that fit a terminal. */
    public List<Column> defaultColumns() {
        List<Column> out = new ArrayList<>();
        for (String d : defaults) {
            out.add(find(d));
        }
        return out;
    }

    /** The column called {@code name}, or an error listing the valid names. */
    public Column column(String name) throws QueryException {
        Column c = find(name.toLowerCase(Locale.ROOT).replace('-', '_'));
        if (c == null) {
            throw QueryException.badRequest("unknown column '" + name + "' for " + this.name + "; columns: " + names());
        }
        return c;
    }

    /** The listing called {@code name} ({@code field-refs} or {@code field_refs}), or null. */
    public static Listing byName(String name) {
        for (Listing l : ALL) {
            if (l.name.equals(name) || l.name.replace('-', '_').equals(name)) {
                return l;
            }
        }
        return null;
    }

    String names() {
        StringBuilder sb = new StringBuilder();
        for (Column c : columns) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c.name());
        }
        return sb.toString();
    }

    private Column find(String n) {
        for (Column c : columns) {
            if (c.name().equals(n)) {
                return c;
            }
        }
        return null;
    }

    String idSql() {
        return idSql;
    }

    String from() {
        return from;
    }

    @Override
    public String toString() {
        return name;
    }
}
