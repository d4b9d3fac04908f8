package dev.quiver.cli.query;

import dev.quiver.cli.ExitCode;
import dev.quiver.cli.render.Format;
import dev.quiver.cli.render.Renderer;
import dev.quiver.core.query.Column;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.RowJson;
import dev.quiver.core.xref.CallPath;
import dev.quiver.core.xref.EntryPoints;
import dev.quiver.core.xref.PathQuery;
import dev.quiver.core.xref.PathColumns;
import dev.quiver.core.xref.Paths;
import dev.quiver.core.xref.Xref;
import dev.quiver.core.xref.XrefColumns;
import dev.quiver.core.xref.XrefQuery;
import dev.quiver.core.xref.XrefResult;
import dev.quiver.core.xref.XrefRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quiver xref}: method-level, overload-exact cross-references, transitive, and paths between methods. */
@Command(name = "xref", mixinStandardHelpOptions = true,
        description = {"Cross-references: who calls a method (or what it calls), who reads or writes a field, "
                + "who loads a string, who uses a type; transitively with --depth, and call paths with --from/--to.",
            "",
            "SPEC is a full signature (Lcom/a/B;->foo(I)V, Lcom/a/B;->count:I), Lcom/a/B;->foo for every overload, "
                + "or a pattern over full signatures (glob with * or ?, else substring; --regex). Framework methods "
                + "and fields the app only references are valid targets. Calls match the method exactly as the "
                + "bytecode names it; --dispatch adds calls that virtual dispatch can route to it (marked in the "
                + "'dispatch' column). Each method is reported once, at the depth where it is first reached."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver xref 'Landroid/telephony/SmsManager;->sendTextMessage' --callers --depth 5 --paths",
            "  quiver xref 'Lcom/a/Task;->run()V' --callers --dispatch",
            "  quiver xref 'Lcom/a/B;->foo(I)V' --callees --depth 0 --exclude 'Landroidx/*' --exclude 'Lkotlin/*'",
            "  quiver xref 'Landroid/os/Build;->SERIAL:Ljava/lang/String;' --readers",
            "  quiver xref --string 'https://example.com/api' --json",
            "  quiver xref Ldalvik/system/DexClassLoader; --users",
            "  quiver xref --from '*->onReceive(*' --to 'Landroid/telephony/SmsManager;->sendTextMessage*'",
            "  quiver xref --from-entry-points --exported --callbacks --to 'Landroid/telephony/SmsManager;->sendTextMessage'"})
public final class XrefCommand extends QueryCommand {
    @Parameters(arity = "0..1", paramLabel = "SPEC", description = "The method, field or type asked about.")
    String what;

    @ArgGroup(exclusive = true)
    Direction direction;

    /** What to look for: exactly one. */
    static final class Direction {
        @Option(names = "--callers", description = "Methods calling SPEC (default for a method).")
        boolean callers;

        @Option(names = "--callees", description = "Methods SPEC calls.")
        boolean callees;

        @Option(names = "--readers", description = "Methods reading the field SPEC.")
        boolean readers;

        @Option(names = "--writers", description = "Methods writing the field SPEC.")
        boolean writers;

        @Option(names = "--users", description = "Methods instantiating, casting, checking or naming the type SPEC.")
        boolean users;

        @Option(names = "--string", paramLabel = "VALUE",
                description = "Methods loading this string (exact unless --match/--regex/-i).")
        String string;
    }

    @Option(names = {"-d", "--depth"}, paramLabel = "N", defaultValue = "1",
            description = "Levels to follow (default: ${DEFAULT-VALUE}; 0 = no limit). With --from/--to: the longest "
                    + "path (default 10).")
    int depth;

    @Option(names = "--dispatch", description = "Follow virtual dispatch through the app's class hierarchy.")
    boolean dispatch;

    @Option(names = "--paths", description = "Give each row one shortest chain of methods from the root, in call order.")
    boolean paths;

    @Option(names = "--include", paramLabel = "GLOB", description = "Keep only methods of classes matching (repeatable).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Drop methods of classes matching, and do not walk through them (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--from", paramLabel = "METHOD", description = "Call paths from this method (with --to).")
    String from;

    @Option(names = "--to", paramLabel = "METHOD", description = "Call paths to this method (with --from).")
    String to;

    @Option(names = "--from-entry-points", description = "Call paths from the app's entry points (the lifecycle "
            + "methods of the components its manifest declares, its Application class) to --to.")
    boolean fromEntryPoints;

    @Option(names = "--exported", description = "With --from-entry-points: only exported components (and the "
            + "Application class, which runs before them).")
    boolean exported;

    @Option(names = "--callbacks", description = "Paths may go from code that creates an object (new X) to the "
            + "methods of X the framework calls back (listeners, Runnable, Handler, ...); marked 'callback'.")
    boolean callbacks;

    @Option(names = "--app", paramLabel = "APP", description = "Only this input: id, path, package or SHA-256 prefix.")
    String app;

    @Option(names = {"-n", "--limit"}, paramLabel = "N",
            description = "At most N rows (paths: default 20).")
    long limit;

    @Mixin
    MatchOptions match;

    @Override
    protected void validate() {
        if (depth < 0) {
            throw usage("--depth must be 0 (no limit) or more");
        }
        if (limit < 0) {
            throw usage("--limit must not be negative");
        }
        if (exported && !fromEntryPoints) {
            throw usage("--exported goes with --from-entry-points");
        }
        if (fromEntryPoints && from != null) {
            throw usage("give --from METHOD or --from-entry-points, not both");
        }
        boolean pathMode = from != null || to != null || fromEntryPoints;
        if (callbacks && !pathMode) {
            throw usage("--callbacks applies to paths (--from/--from-entry-points with --to)");
        }
        if (pathMode) {
            if ((from == null && !fromEntryPoints) || to == null) {
                throw usage(fromEntryPoints ? "--from-entry-points needs --to METHOD" : "--from and --to go together");
            }
            if (what != null || direction != null) {
                throw usage("--from/--to find paths; they take no SPEC and no --callers/--callees/...");
            }
            return;
        }
        if (direction != null && direction.string != null) {
            if (what != null) {
                throw usage("--string VALUE takes no SPEC");
            }
            return;
        }
        if (what == null) {
            throw usage("give a method, field or type (SPEC), --string VALUE, or --from/--to");
        }
        match.mode(spec.commandLine());
    }

    private XrefQuery.Target target() {
        if (direction == null) {
            if (what.contains("->") && what.indexOf(':', what.indexOf("->")) > 0 && what.indexOf('(') < 0) {
                throw usage("'" + what + "' is a field: say --readers or --writers");
            }
            if (!what.contains("->") && what.startsWith("L") && what.endsWith(";") && !what.contains("*")) {
                throw usage("'" + what + "' is a type: say --users (or give a method, Lcom/a/B;->foo)");
            }
            return XrefQuery.Target.CALLERS;
        }
        if (direction.callees) {
            return XrefQuery.Target.CALLEES;
        }
        if (direction.readers) {
            return XrefQuery.Target.READERS;
        }
        if (direction.writers) {
            return XrefQuery.Target.WRITERS;
        }
        if (direction.users) {
            return XrefQuery.Target.TYPE_USERS;
        }
        if (direction.string != null) {
            return XrefQuery.Target.STRING_USERS;
        }
        return XrefQuery.Target.CALLERS;
    }

    @Override
    protected ExitCode execute(Index index, Deadline deadline) throws QueryException, IOException {
        if (from != null || fromEntryPoints) {
            return paths(index, deadline);
        }
        XrefQuery.Target t = target();
        String s = t == XrefQuery.Target.STRING_USERS ? direction.string : what;
        XrefQuery q = XrefQuery.of(t, s).withDepth(depth).withDispatch(dispatch).withPaths(paths)
                .withFilters(include, exclude).withMatching(match.mode(spec.commandLine()), match.ignoreCase)
                .withApp(app).withLimit(limit);
        XrefResult r = Xref.run(index, q, deadline);
        for (String note : r.notes()) {
            err().println("quiver: note: " + note);
        }
        if (r.roots().size() > 1) {
            err().println("quiver: note: roots: " + String.join(", ", r.roots().subList(0, Math.min(5, r.roots().size())))
                    + (r.roots().size() > 5 ? ", …" : ""));
        }
        err().flush();
        Renderer out = output.renderer(out());
        List<Column> cols = columns();
        out.columns(cols);
        for (XrefRow row : r.rows()) {
            Object[] all = XrefColumns.values(row);
            Object[] v = new Object[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                v[i] = all[XrefColumns.ALL.indexOf(cols.get(i))];
            }
            if (!out.row(v)) {
                break;
            }
        }
        out.finish();
        if (r.rows().isEmpty()) {
            err().println("quiver: nothing found: " + switch (t) {
                case CALLERS -> "no method calls " + String.join(", ", r.roots())
                        + (dispatch ? "" : " (calls written against a supertype count only with --dispatch)");
                case CALLEES -> String.join(", ", r.roots()) + " calls no method";
                case READERS -> "no method reads " + String.join(", ", r.roots());
                case WRITERS -> "no method writes " + String.join(", ", r.roots());
                case STRING_USERS -> "no method loads that string";
                case TYPE_USERS -> "no method uses that type";
            });
            err().flush();
        }
        return r.rows().isEmpty() ? ExitCode.NO_MATCH : ExitCode.OK;
    }

    private List<Column> columns() {
        List<String> names;
        if (!output.columns.isEmpty()) {
            names = output.columns;
        } else if (output.format() == Format.TABLE || output.format() == Format.TSV) {
            names = new ArrayList<>(XrefColumns.DEFAULT);
            if (dispatch) {
                names.add(2, "dispatch");
            }
            if (paths) {
                names.add("chain");
            }
        } else {
            names = new ArrayList<>();
            for (Column c : XrefColumns.ALL) {
                names.add(c.name());
            }
        }
        List<Column> out = new ArrayList<>();
        for (String n : names) {
            Column found = null;
            for (Column c : XrefColumns.ALL) {
                if (c.name().equals(n)) {
                    found = c;
                }
            }
            if (found == null) {
                throw usage("unknown column '" + n + "' for xref; columns: method, depth, kind, ref, dispatch, defined, "
                        + "path, line, sites, chain");
            }
            out.add(found);
        }
        return out;
    }

    private static final List<Column> STEP_COLUMNS = List.of(
            Column.of("path_no", Column.Type.INTEGER, "which path"),
            Column.of("step", Column.Type.INTEGER, "position in the path, from 0"),
            Column.of("method", Column.Type.TEXT, "the method at this step"),
            Column.of("kind", Column.Type.TEXT, "invoke kind of its call to the next step"),
            Column.of("dispatch", Column.Type.BOOLEAN, "that call reaches the next step through dispatch"),
            Column.of("path", Column.Type.TEXT, "source file of that call"),
            Column.of("line", Column.Type.INTEGER, "its line"));

    private static final List<Column> ENTRY_STEP_COLUMNS = concat(STEP_COLUMNS,
            Column.of("entry", Column.Type.TEXT, "on the first step: the component whose entry point it is"));

    private static final List<Column> ENTRY_PATH_COLUMNS = concat(PathColumns.ALL,
            Column.of("entry", Column.Type.TEXT, "the component whose entry point starts the path"));

    private static List<Column> concat(List<Column> a, Column b) {
        List<Column> out = new ArrayList<>(a);
        out.add(b);
        return List.copyOf(out);
    }

    private ExitCode paths(Index index, Deadline deadline) throws QueryException, IOException {
        int max = depth == 1 && !spec.commandLine().getParseResult().hasMatchedOption("--depth") ? 10 : depth;
        PathQuery q = PathQuery.between(from, to).withDepth(max).withDispatch(dispatch).withFilters(include, exclude)
                .withApp(app).withLimit(limit > 0 ? (int) Math.min(limit, Integer.MAX_VALUE) : 20)
                .withCallbacks(callbacks);
        Map<String, String> entries = new LinkedHashMap<>();
        if (fromEntryPoints) {
            List<EntryPoints.EntryPoint> eps = EntryPoints.find(index, app, exported, deadline);
            if (eps.isEmpty()) {
                err().println("quiver: no " + (exported ? "exported " : "") + "entry point in the index");
                err().flush();
                return ExitCode.NO_MATCH;
            }
            List<Long> ids = new ArrayList<>();
            for (EntryPoints.EntryPoint e : eps) {
                ids.add(e.id());
                entries.merge(e.method(), e.kind() + " " + e.component() + (e.exported() ? " (exported)" : ""),
                        (a, b) -> a.equals(b) ? a : a + ", " + b);
            }
            q = q.withSources(ids);
        }
        List<CallPath> found = Paths.find(index, q, deadline);
        if (output.format() == Format.JSON) {
            int n = 0;
            for (CallPath p : found) {
                Object[] row = PathColumns.values(++n, p);
                if (fromEntryPoints) {
                    row = java.util.Arrays.copyOf(row, row.length + 1);
                    row[row.length - 1] = entries.get(p.steps().get(0).method());
                }
                out().println(RowJson.toString(fromEntryPoints ? ENTRY_PATH_COLUMNS : PathColumns.ALL, row));
            }
        } else {
            Renderer r = output.renderer(out());
            r.columns(fromEntryPoints ? ENTRY_STEP_COLUMNS : STEP_COLUMNS);
            int n = 0;
            for (CallPath p : found) {
                n++;
                int i = 0;
                for (CallPath.Step s : p.steps()) {
                    Object[] row = {(long) n, (long) i, s.method(), s.kind(), s.kind() == null ? null : s.dispatch(),
                        s.path(), s.kind() == null ? null : (long) s.line(), i == 0 ? entries.get(s.method()) : null};
                    r.row(fromEntryPoints ? row : java.util.Arrays.copyOf(row, 7));
                    i++;
                }
            }
            r.finish();
        }
        out().flush();
        if (found.isEmpty()) {
            String start = fromEntryPoints ? "any " + (exported ? "exported " : "") + "entry point" : from;
            err().println("quiver: no call path from " + start + " to " + to + " within " + (max == 0 ? "any" : max)
                    + " calls" + (dispatch && callbacks ? "" : " (try " + (dispatch ? "" : "--dispatch for interface "
                    + "calls") + (dispatch || callbacks ? "" : ", ") + (callbacks ? "" : "--callbacks for listeners "
                    + "and other framework callbacks") + ")"));
        }
        return found.isEmpty() ? ExitCode.NO_MATCH : ExitCode.OK;
    }
}
