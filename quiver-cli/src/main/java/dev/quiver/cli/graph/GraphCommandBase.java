package dev.quiver.cli.graph;

import dev.quiver.cli.ExitCode;
import dev.quiver.cli.query.QueryCommand;
import dev.quiver.cli.render.Cells;
import dev.quiver.core.graph.CallGraphQuery;
import dev.quiver.core.graph.DotWriter;
import dev.quiver.core.graph.Graph;
import dev.quiver.core.graph.JsonGraphWriter;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.store.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What every {@code quiver graph} subcommand shares: the cap, the output file and its format, and
 * writing the graph — DOT and JSON by Quiver, SVG, PNG and PDF by Graphviz {@code dot}. The file
 * is exactly the name given, written under a temporary name and moved into place when complete.
 */
abstract class GraphCommandBase extends QueryCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the graph to FILE (exactly this name; the format comes from its extension "
                    + ".dot/.gv, .svg, .png, .pdf, .jpg/.jpeg, .xdot or .json unless --format says). Default: DOT, JSON, "
                    + "SVG or XDOT to stdout.")
    Path file;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = GraphFormat.Converter.class,
            description = "dot, svg, png, pdf, jpg, xdot or json (default: from the -o extension, else dot). svg, png, "
                    + "pdf, jpg and xdot are drawn by Graphviz 'dot'.")
    GraphFormat format;

    @Option(names = "--layout", paramLabel = "ENGINE", converter = Layout.Converter.class, defaultValue = "dot",
            description = "Graphviz layout engine for drawn formats: dot (default; layered), neato, fdp, sfdp, circo, "
                    + "twopi, osage, patchwork or nop.")
    Layout layout;

    @Option(names = "--max-nodes", paramLabel = "N", defaultValue = "" + CallGraphQuery.DEFAULT_MAX_NODES,
            description = "Refuse a graph of more than N nodes (default: ${DEFAULT-VALUE}); the error says how many "
                    + "there were and which option would narrow it.")
    int maxNodes;

    @Option(names = "--dot-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Stop Graphviz dot after this long (default: ${DEFAULT-VALUE}).")
    int dotTimeout;

    /** The format the options ask for, resolved by {@link #validate}. */
    private GraphFormat chosen;

    @Override
    protected void validate() {
        if (maxNodes < 1) {
            throw usage("--max-nodes must be at least 1");
        }
        if (dotTimeout < 1) {
            throw usage("--dot-timeout must be at least 1 second");
        }
        boolean json = spec.commandLine().getParseResult().hasMatchedOption("--json");
        if (json && format != null && format != GraphFormat.JSON) {
            throw usage("--json and --format " + format + " contradict each other");
        }
        chosen = json ? GraphFormat.JSON : format;
        if (chosen == null && file != null) {
            chosen = GraphFormat.ofFile(file);
            if (chosen == null) {
                throw usage("cannot tell the format of '" + file + "' from its extension; name it .dot, .gv, .svg, "
                        + ".png, .pdf, .jpg, .xdot or .json, or give --format");
            }
        }
        if (chosen == null) {
            chosen = GraphFormat.DOT;
        }
        if (file == null && chosen.binary()) {
            throw usage(chosen + " is binary: give an output file with -o FILE");
        }
        validateQuestion();
    }

    /** Checks the subcommand's own options. */
    protected void validateQuestion() {
    }

    /** Builds the graph (a cap that is hit is a {@code TOO_LARGE} {@link QueryException}). */
    protected abstract Graph graph(Index index, Deadline deadline) throws QueryException;

    /** What to say when the graph has no edge: the root has no relatives in the direction asked. */
    protected abstract String nothingFound(Graph g);

    @Override
    protected final ExitCode execute(Index index, Deadline deadline) throws QueryException, IOException {
        Graph g = graph(index, deadline);
        ExitCode written = write(g);
        if (written != ExitCode.OK) {
            return written;
        }
        if (g.edges().isEmpty()) {
            err().println("quiver: nothing found: " + Cells.display(nothingFound(g)));
            err().flush();
            return ExitCode.NO_MATCH;
        }
        return ExitCode.OK;
    }

    private ExitCode write(Graph g) throws IOException {
        String text = chosen == GraphFormat.JSON ? JsonGraphWriter.writeToString(g) : DotWriter.writeToString(g);
        if (!chosen.drawn()) {
            if (file == null) {
                out().print(text);
                out().flush();
            } else {
                writeText(file, text);
            }
            return ExitCode.OK;
        }
        Graphviz dot;
        try {
            dot = Graphviz.find(System.getenv());
        } catch (Graphviz.Missing e) {
            return withoutGraphviz(e.getMessage(), text);
        }
        try {
            if (file != null) {
                try (AtomicOutput target = new AtomicOutput(file, false)) {
                    warn(dot.render(text, chosen, layout, target.temp(), dotTimeout));
                    target.commit();
                }
            } else {
                Path drawn = Files.createTempFile("quiver-graph-", "." + chosen);
                try {
                    warn(dot.render(text, chosen, layout, drawn, dotTimeout));
                    out().print(Files.readString(drawn, StandardCharsets.UTF_8));
                    out().flush();
                } finally {
                    Files.deleteIfExists(drawn);
                }
            }
        } catch (Graphviz.Failed e) {
            err().println("quiver: error: " + Cells.display(e.getMessage()));
            err().flush();
            return ExitCode.ERROR;
        }
        return ExitCode.OK;
    }

    /** Passes on what dot printed on stderr when it succeeded (warnings), one visible line each. */
    private void warn(String dotErrors) {
        for (String line : dotErrors.lines().toList()) {
            err().println("quiver: dot: " + Cells.display(line));
        }
        err().flush();
    }

    /** No Graphviz: the DOT goes next to the requested file, and the exit code says the drawing is missing. */
    private ExitCode withoutGraphviz(String why, String dotText) throws IOException {
        if (file == null) {
            err().println("quiver: error: " + why + ", so no " + chosen + " was drawn; " + Graphviz.INSTALL
                    + ", or write DOT with --format dot");
        } else {
            Path dotFile = dotFileFor(file);
            writeText(dotFile, dotText);
            err().println("quiver: error: " + why + ", so " + file + " was not drawn; the graph is in " + dotFile
                    + " (DOT). " + capitalized(Graphviz.INSTALL) + ", then: dot " + (layout == Layout.DOT ? "" : "-K"
                    + layout + " ") + "-T" + chosen + " " + dotFile + " -o " + file);
        }
        err().flush();
        return ExitCode.GRAPHVIZ_MISSING;
    }

    /** {@code graph.svg} → {@code graph.dot}; a name without extension gets {@code .dot} added. */
    static Path dotFileFor(Path requested) {
        String name = requested.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path next = requested.resolveSibling(base + ".dot");
        // never the requested name itself (--format svg -o x.dot): that file was to hold the drawing
        return next.equals(requested) ? requested.resolveSibling(name + ".dot") : next;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void writeText(Path target, String text) throws IOException {
        try (AtomicOutput out = new AtomicOutput(target, false)) {
            Files.writeString(out.temp(), text, StandardCharsets.UTF_8);
            out.commit();
        }
    }
}
