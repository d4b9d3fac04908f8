package dev.quiver.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Hierarchy;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.NamePattern;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.RowJson;
import dev.quiver.core.query.Rows;
import dev.quiver.core.source.CodeRefs;
import dev.quiver.core.source.MethodCode;
import dev.quiver.core.source.MethodSources;
import dev.quiver.core.xref.Xref;
import dev.quiver.core.xref.XrefColumns;
import dev.quiver.core.xref.XrefQuery;
import dev.quiver.core.xref.XrefResult;
import dev.quiver.core.xref.XrefRow;
import dev.quiver.web.http.Call;
import dev.quiver.web.http.HttpError;
import dev.quiver.web.http.Router;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/<listing>/{id}}: one row by id with its links. A class comes with its
 * superclass chain, interfaces, direct subclasses and implementers, fields and methods; a method
 * with its smali code (every reference located, for links), the calls it makes, its callers, the
 * strings it loads and the fields and types it uses; a field with its readers and writers.
 */
final class ObjectRoutes {
    /** Links of one kind listed with an object, at most. */
    static final int MAX_LINKS = 2000;

    private final Index index;
    private final MethodSources sources;

    ObjectRoutes(Index index, MethodSources sources) {
        this.index = index;
        this.sources = sources;
    }

    void register(Router r) {
        for (Listing l : Listing.ALL) {
            r.get("/api/v1/" + l.name() + "/{id}", call -> object(call, l));
        }
    }

    private void object(Call call, Listing l) throws Exception {
        long id = call.id("id");
        call.params().rejectUnknown("no parameters");
        Deadline d = call.deadline();
        Rows row = byId(index, l, id, d);
        if (row.rows().isEmpty()) {
            throw HttpError.notFound("no " + l.name() + " row with id " + id);
        }
        call.json(g -> {
            g.writeStartObject();
            g.writeFieldName("row");
            RowJson.write(g, row.columns(), row.rows().get(0));
            if (l == Listing.CLASSES) {
                classLinks(g, row, d);
            } else if (l == Listing.METHODS) {
                methodLinks(g, row, id, d);
            } else if (l == Listing.FIELDS) {
                String sig = (String) row.value(0, "field");
                xref(g, "readers", XrefQuery.Target.READERS, sig, d);
                xref(g, "writers", XrefQuery.Target.WRITERS, sig, d);
            }
            g.writeEndObject();
        });
    }

    static Rows byId(Index index, Listing l, long id, Deadline d) throws QueryException {
        return index.list(ListQuery.of(l).where("id", NamePattern.exact(Long.toString(id))).withPage(1, 0), d);
    }

    private void classLinks(JsonGenerator g, Rows row, Deadline d) throws IOException, QueryException {
        String type = (String) row.value(0, "class");
        String app = Long.toString((Long) row.value(0, "app"));
        Hierarchy h = Hierarchy.of(index, d);
        g.writeArrayFieldStart("superclasses");
        for (String s : h.superclassChain(type)) {
            type(g, h, s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("interfaces");
        for (String s : h.interfacesOf(type)) {
            type(g, h, s);
        }
        g.writeEndArray();
        capped(g, "subclasses", h.directSubclasses(type), h);
        capped(g, "implementers", h.directImplementers(type), h);
        members(g, "fields", Listing.FIELDS, type, app, d);
        members(g, "methods", Listing.METHODS, type, app, d);
    }

    private static void type(JsonGenerator g, Hierarchy h, String t) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", t);
        g.writeBooleanField("defined", h.defines(t));
        g.writeBooleanField("interface", h.isInterface(t));
        g.writeEndObject();
    }

    private static void capped(JsonGenerator g, String name, List<String> types, Hierarchy h) throws IOException {
        List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(types));
        g.writeArrayFieldStart(name);
        for (String t : sorted.subList(0, Math.min(sorted.size(), MAX_LINKS))) {
            type(g, h, t);
        }
        g.writeEndArray();
        g.writeNumberField(name + "_count", sorted.size());
    }

    private void members(JsonGenerator g, String name, Listing l, String type, String app, Deadline d)
            throws IOException, QueryException {
        Rows rows = index.list(ListQuery.of(l).where("class", NamePattern.exact(type)).withApp(app)
                .withPage(MAX_LINKS, 0), d);
        Out.rows(g, name, rows);
        g.writeBooleanField(name + "_more", rows.more());
    }

    private void methodLinks(JsonGenerator g, Rows row, long id, Deadline d) throws IOException, QueryException {
        String sig = (String) row.value(0, "method");
        String app = Long.toString((Long) row.value(0, "app"));
        code(g, sources.code(MethodSources.locate(index, id, d)));
        uses(g, "calls", Listing.CALLS, "caller", sig, app, d);
        xref(g, "callers", XrefQuery.Target.CALLERS, sig, d);
        uses(g, "strings", Listing.STRINGS, "method", sig, app, d);
        uses(g, "field_refs", Listing.FIELD_REFS, "method", sig, app, d);
        uses(g, "type_refs", Listing.TYPE_REFS, "method", sig, app, d);
    }

    /** Rows of {@code l} whose {@code column} is exactly {@code sig}: what the method's code does, in order. */
    private void uses(JsonGenerator g, String name, Listing l, String column, String sig, String app, Deadline d)
            throws IOException, QueryException {
        Rows rows = index.list(ListQuery.of(l).where(column, NamePattern.exact(sig)).withApp(app)
                .withPage(MAX_LINKS, 0), d);
        Out.rows(g, name, rows);
        g.writeBooleanField(name + "_more", rows.more());
    }

    /** Depth-1 cross-references of an exact signature, as {@code name} (rows of {@link XrefColumns}). */
    private void xref(JsonGenerator g, String name, XrefQuery.Target t, String sig, Deadline d)
            throws IOException, QueryException {
        XrefResult r;
        try {
            r = Xref.run(index, XrefQuery.of(t, sig).withLimit(MAX_LINKS), d);
        } catch (QueryException e) {
            if (e.kind() != QueryException.Kind.NOT_FOUND) {
                throw e;
            }
            r = new XrefResult(List.of(sig), List.of(), false, List.of());
        }
        g.writeArrayFieldStart(name);
        for (XrefRow x : r.rows()) {
            RowJson.write(g, XrefColumns.ALL, XrefColumns.values(x));
        }
        g.writeEndArray();
        g.writeBooleanField(name + "_more", r.truncated());
    }

    private static void code(JsonGenerator g, MethodCode c) throws IOException {
        g.writeObjectFieldStart("code");
        g.writeStringField("origin", c.origin());
        g.writeStringField("note", c.note());
        g.writeNumberField("first_line", c.firstLine());
        g.writeArrayFieldStart("lines");
        int n = c.firstLine();
        for (String line : c.lines()) {
            g.writeStartObject();
            g.writeNumberField("line", n++);
            g.writeStringField("text", line);
            g.writeArrayFieldStart("refs");
            for (CodeRefs.Ref ref : CodeRefs.of(line)) {
                g.writeStartObject();
                g.writeNumberField("start", ref.start());
                g.writeNumberField("end", ref.end());
                g.writeStringField("kind", ref.kind().name().toLowerCase(java.util.Locale.ROOT));
                g.writeStringField("target", ref.target());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

}
