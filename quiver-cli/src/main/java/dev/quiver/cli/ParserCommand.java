package dev.quiver.cli;

import dev.quiver.core.Indexer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * smalisca's command line, {@code parser -l DIR -s SUFFIX -f sqlite|json -o FILE [-j N] [-d DEPTH]},
 * mapped onto {@code parse}. {@code -d} is accepted for compatibility but never drops files.
 */
@Command(name = "parser",
        mixinStandardHelpOptions = true,
        description = {"smalisca-compatible form of 'quiver parse'.",
            "-d is accepted but ignored: every file at every depth is parsed (smalisca skipped files above it)."},
        footerHeading = "%nExample:%n",
        footer = "  quiver parser -l app-smali -s smali -f sqlite -o app.db -j 2")
public final class ParserCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-l", "--location"}, required = true, paramLabel = "DIR", description = "Smali directory.")
    Path location;

    @Option(names = {"-s", "--suffix"}, paramLabel = "SUFFIX", defaultValue = "smali",
            description = "File-name suffix (default: ${DEFAULT-VALUE}).")
    String suffix;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "sqlite",
            description = "sqlite or json (default: ${DEFAULT-VALUE}).")
    Indexer.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Output file (default: quiver.db, or quiver.json with -f json).")
    Path output;

    @Mixin
    JobsOption jobs;

    @Option(names = {"-d", "--depth"}, paramLabel = "DEPTH",
            description = "Accepted for smalisca compatibility; Quiver always parses every depth.")
    Integer depth;

    @Option(names = "--log-level", paramLabel = "LEVEL", hidden = true, description = "Accepted and ignored.")
    String logLevel;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Indexer.Request request = ParseOptions.request(spec, List.of(location), ParseOptions.output(output, format),
                format, false, jobs.resolve(), suffix);
        return IndexRun.run(request, spec.commandLine().getOut(), spec.commandLine().getErr(), quiet);
    }
}
