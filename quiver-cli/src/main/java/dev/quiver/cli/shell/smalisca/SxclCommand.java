package dev.quiver.cli.shell.smalisca;

import dev.quiver.cli.ExitCode;
import dev.quiver.core.query.Column;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.NamePattern;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.xref.Xref;
import dev.quiver.core.xref.XrefQuery;
import dev.quiver.core.xref.XrefResult;
import dev.quiver.core.xref.XrefRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * smalisca's {@code sxcl}: cross-references, method by method. The answer is Quiver's
 * {@code xref} walk (each method once, at the depth where it is first reached), printed as
 * smalisca's call rows: the call that reached each method.
 */
@Command(name = "sxcl", mixinStandardHelpOptions = true,
        description = {"Search cross-references. smalisca's sxcl, method by method: -d to lists the callers of the "
                + "methods -c/-m name (then their callers, --max-depth levels more); -d from lists what they call.",
            "",
            "Each row is one method reached, with the call that reached it first (depth 1 = a direct call). smalisca "
                + "widened every level to whole classes (calls into any method of a caller's class); Quiver follows "
                + "methods, overloads apart. Same as: quiver xref '*CLASS*->*METHOD*(*' -i --callers|--callees "
                + "--depth N+1."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  sxcl -c Crypto -m encrypt -d to",
            "  sxcl -c gmail -m init -d to --max-depth 1",
            "  sxcl -c Lcom/a/Receiver; -m onReceive -d from --max-depth 3 -s depth"})
final class SxclCommand extends TableCommand {
    /** The columns of a cross-reference row. */
    static final List<Table.Col> COLUMNS = List.of(
            col("depth", Column.Type.INTEGER, "1 for a direct call, 2 for a call to a depth-1 method, …",
                    r -> (long) (int) r.get("depth")),
            col("from_class", Column.Type.TEXT, "the calling method's class", r -> Table.beforeArrow(from(r))),
            col("from_method", Column.Type.TEXT, "the calling method: name and descriptor", r -> Table.afterArrow(from(r))),
            col("dst_class", Column.Type.TEXT, "the called method's class", r -> Table.beforeArrow(to(r))),
            col("dst_method", Column.Type.TEXT, "the called method's name", r -> Table.nameOf(Table.afterArrow(to(r)))),
            col("dst_args", Column.Type.TEXT, "the called method's parameter types",
                    r -> Table.parameters(descriptor(to(r)))),
            col("ret", Column.Type.TEXT, "the called method's return type", r -> Table.returnType(descriptor(to(r)))),
            col("kind", Column.Type.TEXT, "the invoke kind of that call", r -> r.get("kind")));

    @Mixin
    XrefOptions xref;

    @Override
    protected void validate() {
        super.validate();
        String problem = xref.problem();
        if (problem != null) {
            throw usage(problem);
        }
    }

    @Override
    protected ExitCode execute(Index index, Deadline deadline) throws QueryException, IOException {
        List<Table.Col> shown = visible(COLUMNS, "cross-references");
        Table.Col sort = sortBy == null ? null : find(COLUMNS, sortBy.strip(), "cross-references");
        XrefQuery q = XrefQuery.of(xref.callers() ? XrefQuery.Target.CALLERS : XrefQuery.Target.CALLEES, xref.methods())
                .withMatching(NamePattern.Mode.GLOB, true).withDepth(xref.depth()).withDispatch(xref.dispatch);
        XrefResult result = Xref.run(index, q, deadline);
        for (String note : result.notes()) {
            err().println("quiver: note: " + note);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (XrefRow row : result.rows()) {
            Map<String, Object> m = new HashMap<>();
            m.put("depth", row.depth());
            m.put("from", xref.callers() ? row.method() : row.ref());
            m.put("to", xref.callers() ? row.ref() : row.method());
            m.put("kind", row.kind());
            rows.add(m);
        }
        if (sort != null) {
            sortRows(rows, sort);
        } else if (reverse) {
            java.util.Collections.reverse(rows);
        }
        return printRows(shown, rows, page());
    }

    private static Table.Col col(String name, Column.Type type, String help,
                                 java.util.function.Function<Map<String, Object>, Object> value) {
        return new Table.Col(name, type, help, value, null, null);
    }

    private static String from(Map<String, Object> r) {
        return (String) r.get("from");
    }

    private static String to(Map<String, Object> r) {
        return (String) r.get("to");
    }

    private static String descriptor(String sig) {
        String member = Table.afterArrow(sig);
        if (member == null) {
            return null;
        }
        int open = member.indexOf('(');
        return open < 0 ? "" : member.substring(open);
    }
}
