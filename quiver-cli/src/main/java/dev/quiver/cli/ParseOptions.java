package dev.quiver.cli;

import dev.quiver.core.Indexer;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Validation shared by {@code parse} and smalisca's {@code parser}. */
final class ParseOptions {
    private ParseOptions() {
    }

    /** The output the user named, or the default for the format. */
    static Path output(Path given, Indexer.Format format) {
        return given != null ? given : Path.of(format == Indexer.Format.JSON ? "quiver.json" : "quiver.db");
    }

    static Indexer.Request request(CommandSpec spec, List<Path> paths, Path output, Indexer.Format format,
            boolean append, int jobs, String suffix) {
        if (append && format != Indexer.Format.SQLITE) {
            throw new ParameterException(spec.commandLine(), "--append works only with --format sqlite");
        }
        if (suffix == null || suffix.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the suffix must not be empty");
        }
        return new Indexer.Request(paths, output, format, append, jobs, suffix);
    }
}
