package dev.quiver.cli.shell.smalisca;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * smalisca's drawing options ({@code dc}, {@code dcl}, {@code dxcl}), turned into
 * {@code quiver graph}'s: the file is written under exactly the name given (smalisca wrote
 * {@code x.png.png} for a relative {@code -o x.png}), in a format {@code quiver graph} writes.
 */
final class DrawOptions {
    /** The formats smalisca offered that {@code quiver graph} writes, and json. */
    private static final List<String> FORMATS = List.of("dot", "png", "pdf", "svg", "json");

    @Option(names = "-f", paramLabel = "FORMAT", defaultValue = "dot", completionCandidates = Formats.class,
            description = "dot (default), svg, png, pdf or json. smalisca's xdot and jpg are not written.")
    String format;

    @Option(names = "--prog", paramLabel = "ENGINE", defaultValue = "dot",
            description = "Graphviz layout: dot only (write -f dot and run neato, fdp, … on it yourself).")
    String prog;

    @Option(names = "--args", paramLabel = "ARGS", description = "Ignored, as smalisca ignored it (noted).")
    String args;

    @Option(names = "-o", paramLabel = "FILE", required = true, description = "The file to write: exactly this name.")
    Path output;

    /** The values of {@code -f}, for completion. */
    static final class Formats extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Formats() {
            super(FORMATS);
        }
    }

    /** What is wrong with the options, or null. */
    String problem() {
        if (!FORMATS.contains(format)) {
            return "quiver graph writes dot, svg, png, pdf or json, not " + format
                    + (format.equals("jpg") || format.equals("xdot") ? " (smalisca's " + format + " is not offered: use "
                    + (format.equals("jpg") ? "png" : "dot") + ")" : "");
        }
        if (!prog.equals("dot")) {
            return "quiver graph lays out with dot only; for " + prog + ", write the DOT (-f dot -o g.dot) and run '"
                    + prog + " -Tpng g.dot -o g.png'";
        }
        return null;
    }

    /** {@code quiver graph}'s output options. */
    List<String> graphArgs() {
        return List.of("-o", output.toString(), "--format", format);
    }
}
