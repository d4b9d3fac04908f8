package dev.quiver.cli.shell.smalisca;

import dev.quiver.cli.shell.Shell;
import dev.quiver.cli.shell.ShellLauncher;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code quiver analyzer -i DB -f sqlite [-c FILE]}: smalisca's analyzer, kept for its users — the
 * shell with smalisca's commands ({@code s}, {@code sc}, … {@code dxcl}, {@code q}) beside Quiver's.
 */
@Command(name = "analyzer", mixinStandardHelpOptions = true,
        description = {"smalisca's analyzer shell on a Quiver index: smalisca's commands (s, sc, sp, scs, sm, scl, "
                + "sxcl, dc, dcl, dxcl, q) with their options, answered by Quiver's queries method by method, beside "
                + "Quiver's own commands. -c FILE runs a command file and ends at its end (no quit needed).",
            "",
            "The index is a Quiver database or JSON index (quiver parser -l DIR -s smali -f sqlite -o app.db makes one); "
                + "smalisca's own SQLite files are not read. See docs/SHELL.md for the mapping."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver analyzer -i app.db -f sqlite",
            "  quiver analyzer -i app.db -f sqlite -c cmd.txt"})
public final class AnalyzerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--input"}, paramLabel = "DB", required = true, description = "The index to analyze.")
    Path input;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "sqlite",
            description = "sqlite (the default) or json: a Quiver database or JSON index (either is detected anyway).")
    String format;

    @Option(names = "-c", paramLabel = "FILE", description = "Run the commands in FILE (- for standard input) and leave.")
    Path commands;

    @Option(names = "--config", paramLabel = "FILE",
            description = "smalisca's graph style file: not used (quiver graph has its own style); noted.")
    Path config;

    @Option(names = "--fail-fast", description = "Scripts: stop at the first command that fails, with its exit code.")
    boolean failFast;

    @Override
    public Integer call() {
        if (!format.equals("sqlite") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "-f takes sqlite or json, not '" + format + "'");
        }
        if (config != null) {
            spec.commandLine().getErr().println("quiver: note: --config " + config
                    + " is not used: quiver graph draws with its own style");
            spec.commandLine().getErr().flush();
        }
        return ShellLauncher.launch(Shell.Flavor.ANALYZER, List.of(new SmaliscaCommands()), input, commands, failFast,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
