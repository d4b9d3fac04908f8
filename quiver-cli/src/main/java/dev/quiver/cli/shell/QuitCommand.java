package dev.quiver.cli.shell;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code quit} (also {@code exit}, and {@code q} in the analyzer): leaves the shell. Ctrl-D does too. */
@Command(name = "quit", mixinStandardHelpOptions = true,
        description = "Leave the shell (Ctrl-D too, and a script ends at its last line anyway).")
final class QuitCommand implements Callable<Integer> {
    private final Shell shell;

    QuitCommand(Shell shell) {
        this.shell = shell;
    }

    @Override
    public Integer call() {
        shell.requestQuit();
        return 0;
    }
}
