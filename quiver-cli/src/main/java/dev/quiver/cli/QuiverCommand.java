package dev.quiver.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code quiver} command: a container for the subcommands registered in {@link Main}. */
@Command(name = "quiver",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Index Android bytecode (smali trees) into SQLite and query it; search code trees fast.")
public final class QuiverCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (see 'quiver --help')");
    }
}
