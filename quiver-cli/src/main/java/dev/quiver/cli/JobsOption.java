package dev.quiver.cli;

import dev.quiver.core.Indexer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The one {@code -j} of every command that runs on several threads ({@code parse}, {@code search},
 * smalisca's {@code parser}): {@code -j N} threads, {@code -j 0} or nothing for one per core (at most 32).
 * {@code --jobs} and {@code --threads} (ripgrep's name) are both accepted. The output never
 * depends on it.
 */
public final class JobsOption {
    /** The most threads a run may ask for. */
    static final int MAX = 256;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-j", "--jobs", "--threads"}, paramLabel = "N",
            description = "Worker threads: 1 to " + MAX + ", or 0 for one per core (the default); the output is the "
                    + "same for any N.")
    Integer jobs;

    /** The number of threads to run: what was asked, or one per core. */
    public int resolve() {
        if (jobs == null || jobs == 0) {
            return Indexer.defaultJobs();
        }
        if (jobs < 0 || jobs > MAX) {
            throw new ParameterException(spec.commandLine(),
                    "-j must be between 1 and " + MAX + " (0 = one per core), was " + jobs);
        }
        return jobs;
    }
}
