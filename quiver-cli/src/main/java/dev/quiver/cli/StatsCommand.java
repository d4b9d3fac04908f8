package dev.quiver.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiver.core.query.App;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quiver stats [--db FILE] [--json]}: row counts and inputs of an index. */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        description = "Show what an index holds: row counts per table and the inputs it was built from.",
        footerHeading = "%nExamples:%n",
        footer = {"  quiver stats --db app.db", "  quiver stats --db app.json --json"})
public final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "quiver.db",
            description = "Index to read: a Quiver database or JSON index (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Index index = Index.open(db)) {
            Map<String, Long> counts = index.counts();
            List<App> inputs = index.apps();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                counts.forEach(root::put);
                ArrayNode arr = root.putArray("input_list");
                for (App i : inputs) {
                    arr.addObject().put("id", i.id()).put("path", i.path()).put("kind", i.kind())
                            .put("sources", i.sources()).put("classes", i.classes()).put("problems", i.problems());
                }
                out.println(mapper.writeValueAsString(root));
            } else {
                int w = counts.keySet().stream().mapToInt(String::length).max().orElse(8);
                for (Map.Entry<String, Long> e : counts.entrySet()) {
                    out.printf("%-" + w + "s  %,12d%n", e.getKey(), e.getValue());
                }
                out.println();
                for (App i : inputs) {
                    out.printf("input %d  %-6s %s  (%,d files, %,d classes, %,d problems)%n", i.id(), i.kind(),
                            i.path(), i.sources(), i.classes(), i.problems());
                }
            }
        } catch (QueryException e) {
            spec.commandLine().getErr().println("quiver: error: " + e.getMessage());
            return ExitCode.ERROR.code();
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
