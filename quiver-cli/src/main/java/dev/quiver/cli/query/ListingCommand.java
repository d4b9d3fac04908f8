package dev.quiver.cli.query;

import dev.quiver.cli.ExitCode;
import dev.quiver.cli.render.Renderer;
import dev.quiver.core.query.Column;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.QueryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The base of {@code quiver classes}, {@code methods}, {@code fields}, {@code strings},
 * {@code calls}, {@code field-refs} and {@code type-refs}: filters, app, sort, paging, count.
 * A subclass names its {@link Listing} and maps its own options to columns.
 */
public abstract class ListingCommand extends QueryCommand {
    @Mixin
    MatchOptions match;

    @Option(names = {"-w", "--where"}, paramLabel = "COL=VALUE",
            description = "A filter on any column (repeatable), matched like the other filters: --where path='com/a/*'.")
    List<String> where = new ArrayList<>();

    @Option(names = "--app", paramLabel = "APP",
            description = "Only this input of a multi-input index: its id, path, package name or SHA-256 prefix.")
    String app;

    @Option(names = {"-s", "--sort"}, paramLabel = "COL,...", split = ",",
            description = "Sort by these columns, each ascending or with :desc (--sort line:desc,name); "
                    + "default: database order (input, then file order).")
    List<String> sort = new ArrayList<>();

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Print at most N rows.")
    long limit;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N rows.")
    long offset;

    @Option(names = {"-c", "--count"}, description = "Print only the number of rows.")
    boolean count;

    /** What this command lists. */
    protected abstract Listing listing();

    /** Adds the command's own filter options: column name → value (null values are skipped). */
    protected abstract void filters(Map<String, String> out);

    /** Classes only: hierarchy conditions. */
    protected ListQuery refine(ListQuery q) {
        return q;
    }

    @Override
    protected void validate() {
        if (limit < 0 || offset < 0) {
            throw usage("--limit and --offset must not be negative");
        }
        match.mode(spec.commandLine());
    }

    /** The query these options describe. */
    ListQuery query() {
        ListQuery q = ListQuery.of(listing());
        Map<String, String> f = new LinkedHashMap<>();
        filters(f);
        for (Map.Entry<String, String> e : f.entrySet()) {
            if (e.getValue() != null) {
                q = q.where(e.getKey(), match.pattern(e.getValue(), spec.commandLine()));
            }
        }
        for (String w : where) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw usage("bad --where '" + w + "' (expected COLUMN=VALUE, e.g. --where kind=static)");
            }
            q = q.where(w.substring(0, eq).strip(), match.pattern(w.substring(eq + 1), spec.commandLine()));
        }
        q = refine(q).withApp(app).withSort(sort).withPage(limit, offset);
        if (!output.columns.isEmpty()) {
            q = q.withColumns(output.columns);
        } else if (output.format() == dev.quiver.cli.render.Format.TABLE || output.format() == dev.quiver.cli.render.Format.TSV) {
            List<String> names = new ArrayList<>();
            for (Column c : listing().defaultColumns()) {
                names.add(c.name());
            }
            q = q.withColumns(names);
        }
        return q;
    }

    @Override
    protected ExitCode execute(Index index, Deadline deadline) throws QueryException, IOException {
        ListQuery q = query();
        if (count) {
            long n = index.count(q, deadline);
            if (limit > 0 || offset > 0) {
                n = Math.max(0, n - offset);
                n = limit > 0 ? Math.min(limit, n) : n;
            }
            out().println(n);
            return n > 0 ? ExitCode.OK : ExitCode.NO_MATCH;
        }
        Renderer r = output.renderer(out());
        index.stream(q, deadline, r);
        r.finish();
        return r.rows() > 0 ? ExitCode.OK : ExitCode.NO_MATCH;
    }
}
