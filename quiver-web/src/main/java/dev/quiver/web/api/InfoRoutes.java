package dev.quiver.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.quiver.core.query.App;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.Rows;
import dev.quiver.web.http.Call;
import dev.quiver.web.http.HttpError;
import dev.quiver.web.http.Params;
import dev.quiver.web.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the index holds: {@code /api/v1/stats} (row counts and inputs), {@code /api/v1/apps} and
 * {@code /api/v1/apps/{id}} (one input with its numbers and a page of its problems), and the API's
 * own description, {@code /api/openapi.json}.
 */
final class InfoRoutes {
    /** Listings counted per app on an app's page. */
    static final List<Listing> COUNTED = List.of(Listing.CLASSES, Listing.METHODS, Listing.FIELDS, Listing.STRINGS,
            Listing.CALLS, Listing.FIELD_REFS, Listing.TYPE_REFS, Listing.PROBLEMS);

    private final Index index;
    private final byte[] openApi;

    InfoRoutes(Index index) {
        this.index = index;
        try (InputStream in = InfoRoutes.class.getResourceAsStream("/dev/quiver/web/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json missing from the quiver-web jar");
            }
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void register(Router r) {
        r.get("/api/openapi.json", this::openApi);
        r.get("/api/v1/stats", this::stats);
        r.get("/api/v1/apps", this::apps);
        r.get("/api/v1/apps/{id}", this::app);
    }

    private void openApi(Call call) throws Exception {
        call.params().rejectUnknown("no parameters");
        call.json(g -> g.writeRawValue(new String(openApi, StandardCharsets.UTF_8)));
    }

    private void stats(Call call) throws Exception {
        call.params().rejectUnknown("no parameters");
        Map<String, Long> counts = index.counts();
        List<App> apps = index.apps();
        call.json(g -> {
            g.writeStartObject();
            g.writeStringField("index", String.valueOf(index.file().getFileName()));
            g.writeObjectFieldStart("counts");
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            apps(g, apps);
            g.writeEndObject();
        });
    }

    private void apps(Call call) throws Exception {
        call.params().rejectUnknown("no parameters");
        List<App> apps = index.apps();
        call.json(g -> {
            g.writeStartObject();
            apps(g, apps);
            g.writeEndObject();
        });
    }

    private void app(Call call) throws Exception {
        long id = call.id("id");
        Params p = call.params();
        long limit = p.number("limit", Api.DEFAULT_PAGE, 1, Api.MAX_PAGE);
        long offset = p.number("offset", 0, 0, Long.MAX_VALUE / 2);
        p.rejectUnknown("limit, offset (the page of problems)");
        App app = null;
        for (App a : index.apps()) {
            if (a.id() == id) {
                app = a;
            }
        }
        if (app == null) {
            throw HttpError.notFound("no app with id " + id);
        }
        App found = app;
        String sel = Long.toString(id);
        boolean single = index.apps().size() == 1;
        Map<String, Long> tables = single ? index.counts() : null;
        long[] counts = new long[COUNTED.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = single ? tables.get(COUNTED.get(i).name().replace('-', '_'))
                    : index.count(ListQuery.of(COUNTED.get(i)).withApp(sel), call.deadline());
        }
        Rows problems = index.list(ListQuery.of(Listing.PROBLEMS).withApp(sel).withPage(limit, offset), call.deadline());
        call.json(g -> {
            g.writeStartObject();
            g.writeFieldName("app");
            app(g, found);
            g.writeObjectFieldStart("counts");
            for (int i = 0; i < counts.length; i++) {
                g.writeNumberField(COUNTED.get(i).name(), counts[i]);
            }
            g.writeEndObject();
            g.writeObjectFieldStart("problems");
            Out.page(g, problems, limit);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void apps(JsonGenerator g, List<App> apps) throws IOException {
        g.writeArrayFieldStart("apps");
        for (App a : apps) {
            app(g, a);
        }
        g.writeEndArray();
    }

    static void app(JsonGenerator g, App a) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", a.id());
        g.writeStringField("label", a.label());
        g.writeStringField("path", a.path());
        g.writeStringField("kind", a.kind());
        writeLong(g, "bytes", a.bytes());
        g.writeStringField("sha256", a.sha256());
        g.writeStringField("package", a.packageName());
        writeLong(g, "version_code", a.versionCode());
        g.writeStringField("version_name", a.versionName());
        writeLong(g, "min_sdk", a.minSdk());
        writeLong(g, "target_sdk", a.targetSdk());
        g.writeNumberField("sources", a.sources());
        g.writeNumberField("classes", a.classes());
        g.writeNumberField("problems", a.problems());
        g.writeEndObject();
    }

    private static void writeLong(JsonGenerator g, String name, Long v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

}
