package dev.quiver.cli;

import picocli.CommandLine;

/**
 * The command tree as {@link Main} builds it, for the front ends outside this package that run
 * commands themselves (the shell): the same commands, settings, help and error handling.
 */
public final class CommandTree {
    private CommandTree() {
    }

    /** Every command: a model for help and completion. */
    public static CommandLine full() {
        return Main.newCommandLine();
    }

    /**
     * A fresh tree that can run {@code name} (only that subcommand is built, which is cheap). Fresh
     * for every run: picocli does not reset {@code @ArgGroup} fields when a tree is reused.
     */
    public static CommandLine forCommand(String name) {
        return Main.commandLineFor(name);
    }

    /** What the CLI does with an exception that escapes a command: one line, exit code 2. */
    public static CommandLine.IExecutionExceptionHandler fatalErrors() {
        return new FatalErrorHandler();
    }
}
