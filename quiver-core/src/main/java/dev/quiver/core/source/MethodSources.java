package dev.quiver.core.source;

import dev.quiver.core.query.App;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.NamePattern;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.Rows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The method sources available at run time: smali files here, DEX/APK rendering when quiver-dex is
 * on the class path. The one door through which front ends get a method's code.
 */
public final class MethodSources {
    private final List<MethodSource> sources = new ArrayList<>();

    private MethodSources() {
    }

    /** The smali file source, then every {@link MethodSource} service found. */
    public static MethodSources load() {
        MethodSources s = new MethodSources();
        s.sources.add(new SmaliFileSource());
        for (MethodSource m : ServiceLoader.load(MethodSource.class)) {
            s.sources.add(m);
        }
        return s;
    }

    /** The code of {@code m}, or a note saying why there is none. */
    public MethodCode code(MethodLocation m) {
        for (MethodSource s : sources) {
            if (s.reads(m.inputKind())) {
                try {
                    return s.code(m);
                } catch (RuntimeException e) {
                    return MethodCode.unavailable("cannot render " + m.signature() + ": " + e);
                }
            }
        }
        return MethodCode.unavailable("no code viewer for " + m.inputKind() + " inputs in this build"
                + ("smali".equals(m.inputKind()) ? "" : " (quiver-dex is not on the class path)"));
    }

    /** Where the method with row id {@code methodId} is, or a NOT_FOUND error. */
    public static MethodLocation locate(Index index, long methodId, Deadline deadline) throws QueryException {
        Rows rows = index.list(ListQuery.of(Listing.METHODS)
                .where("id", new NamePattern(NamePattern.Mode.EXACT, Long.toString(methodId), false))
                .withColumns(List.of("class", "name", "descriptor", "path", "line", "last_line", "app")), deadline);
        if (rows.rows().isEmpty()) {
            throw new QueryException(QueryException.Kind.NOT_FOUND, "no method with id " + methodId);
        }
        long app = (Long) rows.value(0, "app");
        App input = null;
        for (App a : index.apps()) {
            if (a.id() == app) {
                input = a;
            }
        }
        if (input == null) {
            throw new QueryException(QueryException.Kind.BAD_INDEX, "method " + methodId + " belongs to no input");
        }
        return new MethodLocation(Path.of(input.path()), input.kind(), (String) rows.value(0, "path"),
                (String) rows.value(0, "class"), (String) rows.value(0, "name"), (String) rows.value(0, "descriptor"),
                ((Long) rows.value(0, "line")).intValue(), ((Long) rows.value(0, "last_line")).intValue());
    }
}
