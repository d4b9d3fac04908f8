package dev.quiver.cli.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quiver shell [DB]}: Quiver's commands in an interactive shell, or run from a script. */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"An interactive shell over Quiver's commands: history, Tab completion of commands, options "
                + "and class, method and field names from the open index; Ctrl-C cancels the running command, "
                + "Ctrl-D or quit leaves.",
            "",
            "Without a terminal (a pipe, a file, or -c FILE) it runs the commands one line at a time and ends at the end "
                + "of the input; it prints only what the commands print. Words are quoted as in a POSIX shell "
                + "('…', \"…\", backslash); # starts a comment. Exit code of a script: 0 when every command succeeded or "
                + "found nothing, else the exit code of the first command that failed; --fail-fast stops there."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver shell app.db",
            "  quiver shell app.db -c queries.txt --fail-fast",
            "  printf 'classes --count\\nxref \"Lcom/a/B;->foo(I)V\"\\n' | quiver shell app.db"})
public final class ShellCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DB", description = "The index to open (see 'open' inside the shell).")
    Path db;

    @Option(names = {"-c", "--commands"}, paramLabel = "FILE",
            description = "Run the commands in FILE (- for standard input) and leave.")
    Path script;

    @Option(names = "--fail-fast", description = "Scripts: stop at the first command that fails, with its exit code.")
    boolean failFast;

    @Override
    public Integer call() {
        return ShellLauncher.launch(Shell.Flavor.QUIVER, List.of(), db, script, failFast,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
