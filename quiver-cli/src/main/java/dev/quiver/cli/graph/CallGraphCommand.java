package dev.quiver.cli.graph;

import dev.quiver.cli.query.MatchOptions;
import dev.quiver.core.graph.CallGraph;
import dev.quiver.core.graph.CallGraphQuery;
import dev.quiver.core.graph.Graph;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quiver graph calls}: the call graph around one or more methods. */
@Command(name = "calls",
        description = {"The call graph around METHOD: its callers and/or callees to --depth, and every call between "
                + "the methods reached (edges carry the invoke kinds and the number of call sites).",
            "",
            "METHOD is a full signature (Lcom/a/B;->foo(I)V), Lcom/a/B;->foo for every overload, or a pattern over "
                + "full signatures (glob with * or ?, else substring; --regex): each method it names is a root. "
                + "Calls match the method the bytecode names; --dispatch adds what virtual dispatch can run "
                + "(dashed edges). Methods the app does not define (framework) end their branch."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver graph calls 'Lcom/a/SmsReceiver;->onReceive' --callees --depth 0 --exclude 'Landroidx/*' -o recv.svg",
            "  quiver graph calls 'Landroid/telephony/SmsManager;->sendTextMessage*' --callers --depth 4 -o senders.png",
            "  quiver graph calls 'Lcom/a/Task;->run()V' --callers --dispatch --json > task.json"})
public final class CallGraphCommand extends GraphCommandBase {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(paramLabel = "METHOD", description = "The root method(s).")
    String method;

    @ArgGroup(exclusive = true)
    Direction direction;

    /** Which way to walk: one of them. */
    static final class Direction {
        @Option(names = "--callers", description = "Methods calling METHOD, then their callers.")
        boolean callers;

        @Option(names = "--callees", description = "Methods METHOD calls, then what they call.")
        boolean callees;

        @Option(names = "--both", description = "Callers and callees (the default).")
        boolean both;
    }

    @Option(names = {"-d", "--depth"}, paramLabel = "N", defaultValue = "" + CallGraphQuery.DEFAULT_DEPTH,
            description = "How many calls away from METHOD to go (default: ${DEFAULT-VALUE}; 0 = no limit).")
    int depth;

    @Option(names = "--dispatch", description = "Follow virtual dispatch through the app's class hierarchy.")
    boolean dispatch;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Keep only methods of classes matching (repeatable; METHOD's own are always kept).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out methods of classes matching, and do not walk through them (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--app", paramLabel = "APP", description = "Only this input: id, path, package or SHA-256 prefix.")
    String app;

    @Mixin
    MatchOptions match;

    @Override
    protected void validateQuestion() {
        if (depth < 0) {
            throw usage("--depth must be 0 (no limit) or more");
        }
        match.mode(spec.commandLine());
    }

    private CallGraphQuery.Direction direction() {
        if (direction == null || direction.both) {
            return CallGraphQuery.Direction.BOTH;
        }
        return direction.callers ? CallGraphQuery.Direction.CALLERS : CallGraphQuery.Direction.CALLEES;
    }

    @Override
    protected Graph graph(Index index, Deadline deadline) throws QueryException {
        CallGraphQuery q = CallGraphQuery.of(method).withDirection(direction()).withDepth(depth).withDispatch(dispatch)
                .withFilters(include, exclude).withMatching(match.mode(spec.commandLine()), match.ignoreCase())
                .withMaxNodes(maxNodes).withApp(app);
        Graph g = CallGraph.build(index, q, deadline);
        if (g.roots().size() > 1) {
            err().println("quiver: note: METHOD matched " + g.roots().size() + " methods; all are roots");
            err().flush();
        }
        return g;
    }

    @Override
    protected String nothingFound(Graph g) {
        String roots = String.join(", ", g.roots());
        return switch (direction()) {
            case CALLERS -> "no method calls " + roots;
            case CALLEES -> roots + " calls no method";
            case BOTH -> roots + " has no callers and calls no method";
        } + (dispatch ? "" : " (calls through a supertype or interface count only with --dispatch)");
    }
}
