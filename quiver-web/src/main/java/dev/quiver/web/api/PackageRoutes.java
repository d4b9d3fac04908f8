package dev.quiver.web.api;

import dev.quiver.core.query.Column;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.Rows;
import dev.quiver.web.http.Call;
import dev.quiver.web.http.HttpError;
import dev.quiver.web.http.Params;
import dev.quiver.web.http.Router;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code GET /api/v1/packages?package=com/foo}: one level of the package tree (child packages with
 * the number of classes under each, and the classes directly in the package), for the UI's lazy
 * tree. The tree is built once from the class listing (about 0.1 s for 84k classes) and kept: the
 * index never changes while served.
 */
final class PackageRoutes {
    /** Entries of one kind returned for one package, at most. */
    static final int MAX_ENTRIES = 5000;

    /** One package: its child packages and its own classes. */
    private static final class Pkg {
        final TreeMap<String, Pkg> children = new TreeMap<>();
        final TreeSet<String> classes = new TreeSet<>();
        long total;
    }

    private final Index index;
    private volatile Pkg root;

    PackageRoutes(Index index) {
        this.index = index;
    }

    void register(Router r) {
        r.get("/api/v1/packages", this::packages);
    }

    private void packages(Call call) throws Exception {
        Params p = call.params();
        String name = p.get("package", "");
        p.rejectUnknown("package (slash-separated, com/foo; empty for the top level)");
        String path = name.replace('.', '/');
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Pkg pkg = tree(call.deadline());
        if (!path.isEmpty()) {
            for (String seg : path.split("/", -1)) {
                pkg = pkg.children.get(seg);
                if (pkg == null) {
                    throw HttpError.notFound("no package " + name + " in the index");
                }
            }
        }
        Pkg found = pkg;
        String prefix = path.isEmpty() ? "" : path + "/";
        call.json(g -> {
            g.writeStartObject();
            g.writeStringField("package", prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
            g.writeArrayFieldStart("packages");
            int n = 0;
            for (Map.Entry<String, Pkg> e : found.children.entrySet()) {
                if (n++ == MAX_ENTRIES) {
                    break;
                }
                g.writeStartObject();
                g.writeStringField("name", e.getKey());
                g.writeStringField("package", prefix + e.getKey());
                g.writeNumberField("classes", e.getValue().total);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("packages_more", found.children.size() > MAX_ENTRIES);
            Out.strings(g, "classes", found.classes.stream().limit(MAX_ENTRIES).toList());
            g.writeBooleanField("classes_more", found.classes.size() > MAX_ENTRIES);
            g.writeEndObject();
        });
    }

    /** Builds the tree now (it is otherwise built by the first request). */
    void warmUp(Deadline deadline) throws QueryException {
        tree(deadline);
    }

    private Pkg tree(Deadline deadline) throws QueryException {
        Pkg r = root;
        if (r != null) {
            return r;
        }
        synchronized (this) {
            if (root == null) {
                Pkg top = new Pkg();
                index.stream(ListQuery.of(Listing.CLASSES).withColumns(List.of("class")), deadline, new Rows.Sink() {
                    @Override
                    public void columns(List<Column> columns) {
                    }

                    @Override
                    public boolean row(Object[] values) {
                        add(top, (String) values[0]);
                        return true;
                    }
                });
                root = top;
            }
            return root;
        }
    }

    private static void add(Pkg top, String descriptor) {
        String n = descriptor.startsWith("L") && descriptor.endsWith(";")
                ? descriptor.substring(1, descriptor.length() - 1) : descriptor;
        String[] segs = n.split("/", -1);
        Pkg p = top;
        p.total++;
        for (int i = 0; i < segs.length - 1; i++) {
            p = p.children.computeIfAbsent(segs[i], k -> new Pkg());
            p.total++;
        }
        p.classes.add(descriptor);
    }
}
