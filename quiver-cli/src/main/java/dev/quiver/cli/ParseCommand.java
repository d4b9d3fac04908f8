package dev.quiver.cli;

import dev.quiver.core.Indexer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quiver parse PATH... [-o FILE] [-j N] [--format sqlite|json] [--append]}. */
@Command(name = "parse",
        mixinStandardHelpOptions = true,
        description = {
            "Parse smali trees (apktool/baksmali output), single .smali files, .dex files, APKs or folders of samples "
                + "into an index.",
            "",
            "Every *.smali file at every depth is parsed, in sorted order, on N workers. A directory holding APK, "
                + "DEX or JAR/ZIP-with-classes.dex files or apktool trees is a folder of samples: each is its own "
                + "input; other files are skipped and counted (docs/APPS.md). The output is built "
                + "under a temporary name and moved into place at the end: an interrupted run never leaves a "
                + "broken file. Problems in the input (malformed smali, binary or unreadable files, hostile "
                + "archives, ...) are recorded in the 'problems' table and the rest is still parsed. With --append, "
                + "an input already in the database (same path or SHA-256) is replaced, never duplicated."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver parse app-smali/ -o app.db",
            "  quiver parse app-smali/ other-smali/ -o both.db -j 2",
            "  quiver parse more-smali/ -o app.db --append",
            "  quiver parse app-smali/ --format json -o app.json",
            "  quiver parse app.apk -o app.db       # DEX files and APKs are read directly",
            "  quiver parse samples/ -o samples.db  # every APK, DEX and smali tree in it, each an input"})
public final class ParseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Smali directories, .smali files, .dex files or APKs.")
    List<Path> paths;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Output file (default: quiver.db, or quiver.json with --format json).")
    Path output;

    @Mixin
    JobsOption jobs;

    @Option(names = "--format", paramLabel = "FORMAT", description = "sqlite or json (default: ${DEFAULT-VALUE}).",
            defaultValue = "sqlite")
    Indexer.Format format;

    @Option(names = "--append", description = "Add to an existing database instead of replacing it (an input "
            + "already in it, by path or SHA-256, is replaced).")
    boolean append;

    @Option(names = "--suffix", paramLabel = "SUFFIX", defaultValue = ".smali",
            description = "File-name suffix of smali files (default: ${DEFAULT-VALUE}).")
    String suffix;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Indexer.Request request = ParseOptions.request(spec, paths, ParseOptions.output(output, format), format,
                append, jobs.resolve(), suffix);
        return IndexRun.run(request, spec.commandLine().getOut(), spec.commandLine().getErr(), quiet);
    }
}
