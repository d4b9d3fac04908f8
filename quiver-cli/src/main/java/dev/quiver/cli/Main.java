package dev.quiver.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar. Only {@link #run} has logic; tests call it. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs Quiver with the given arguments and returns the process exit code. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /** The full command tree, configured the same way for the CLI, tests and (later) the shell. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new QuiverCommand());
        // One class per subcommand; keep sorted by name.
        cl.addSubcommand("parse", new ParseCommand());
        cl.addSubcommand("parser", new ParserCommand());
        cl.addSubcommand("search", new SearchCommand());
        cl.addSubcommand("stats", new StatsCommand());
        // (subcommands are added here)
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new FatalErrorHandler());
        cl.getCommandSpec().usageMessage()
                .footerHeading("%nExit codes:%n")
                .footer(ExitCode.helpTable());
        return cl;
    }
}
