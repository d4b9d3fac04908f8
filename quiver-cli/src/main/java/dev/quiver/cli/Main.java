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
        warnIfFileNamesCannotBeUnicode();
        try {
            return newCommandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to FatalErrorHandler; an Error must not end as exit code 1
            // (which means "no match") with a stack trace.
            System.err.println("quiver: fatal: out of memory (" + e.getMessage() + "); give Java more with "
                    + "QUIVER_JAVA_OPTS=-Xmx4g, or use fewer workers (-j 1)");
            return ExitCode.ERROR.code();
        } catch (Error e) {
            System.err.println("quiver: fatal: " + e);
            return ExitCode.ERROR.code();
        }
    }

    /**
     * Under a non-UTF-8 locale, JDK 17 cannot name files whose names are not ASCII (obfuscated apps
     * have many): they would be misread or merged. bin/quiver sets a UTF-8 locale; direct
     * {@code java -jar} users get this warning instead of silent damage.
     */
    private static void warnIfFileNamesCannotBeUnicode() {
        String enc = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (!enc.equalsIgnoreCase("UTF-8") && !enc.equalsIgnoreCase("UTF8")) {
            System.err.println("quiver: warning: file names are read as " + enc + ", not UTF-8; names that are not "
                    + "ASCII will be wrong. Run with LC_ALL=C.UTF-8 (bin/quiver does).");
        }
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
        // Every subcommand: --version works, and its --help ends with the exit codes.
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new VersionProvider());
            String[] own = sub.getCommandSpec().usageMessage().footer();
            String[] footer = java.util.Arrays.copyOf(own, own.length + 2);
            footer[own.length] = "%nExit codes:";
            footer[own.length + 1] = ExitCode.helpTable().stripTrailing();
            sub.getCommandSpec().usageMessage().footer(footer);
        }
        return cl;
    }
}
