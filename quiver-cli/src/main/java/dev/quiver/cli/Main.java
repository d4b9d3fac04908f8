package dev.quiver.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Entry point of the runnable jar. Only {@link #run} has logic; tests call it. */
public final class Main {
    /** Every subcommand, by name, in the order of {@code quiver --help}. One class per subcommand. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("parse", ParseCommand::new);
        SUBCOMMANDS.put("parser", ParserCommand::new);
        SUBCOMMANDS.put("search", SearchCommand::new);
        SUBCOMMANDS.put("stats", StatsCommand::new);
        SUBCOMMANDS.put("classes", dev.quiver.cli.query.ClassesCommand::new);
        SUBCOMMANDS.put("methods", dev.quiver.cli.query.MethodsCommand::new);
        SUBCOMMANDS.put("fields", dev.quiver.cli.query.FieldsCommand::new);
        SUBCOMMANDS.put("strings", dev.quiver.cli.query.StringsCommand::new);
        SUBCOMMANDS.put("calls", dev.quiver.cli.query.CallsCommand::new);
        SUBCOMMANDS.put("field-refs", dev.quiver.cli.query.FieldRefsCommand::new);
        SUBCOMMANDS.put("type-refs", dev.quiver.cli.query.TypeRefsCommand::new);
        SUBCOMMANDS.put("xref", dev.quiver.cli.query.XrefCommand::new);
        SUBCOMMANDS.put("sql", dev.quiver.cli.query.SqlCommand::new);
        SUBCOMMANDS.put("apps", dev.quiver.cli.query.AppsCommand::new);
        SUBCOMMANDS.put("manifest", dev.quiver.cli.query.ManifestCommand::new);
        SUBCOMMANDS.put("remove", RemoveCommand::new);
        SUBCOMMANDS.put("graph", dev.quiver.cli.graph.GraphCommand::commandLine);
        SUBCOMMANDS.put("completion", CompletionCommand::new);
        SUBCOMMANDS.put("shell", dev.quiver.cli.shell.ShellCommand::new);
        SUBCOMMANDS.put("analyzer", dev.quiver.cli.shell.smalisca.AnalyzerCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs Quiver with the given arguments and returns the process exit code. */
    public static int run(String... args) {
        warnIfFileNamesCannotBeUnicode();
        try {
            return commandLineFor(args).execute(args);
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
        return build(SUBCOMMANDS.keySet().toArray(new String[0]));
    }

    /**
     * The tree a run needs: when the first argument names a subcommand, only that one is built.
     * picocli builds each command's model by reflection; building all of them cost ~0.1 s of every
     * run, a third of a small search. {@code quiver --help} and the like get the full tree.
     */
    static CommandLine commandLineFor(String... args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
            return build(args[0]);
        }
        return newCommandLine();
    }

    /**
     * A usage mistake is one line that says what is wrong and where the help is, not a page of
     * usage text (which buries the message); exit code 2.
     */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName(" ");
        cl.getErr().println("quiver: error: " + e.getMessage() + " (see '" + name + " --help')");
        CommandLine.UnmatchedArgumentException.printSuggestions(e, cl.getErr());
        cl.getErr().flush();
        return ExitCode.ERROR.code();
    }

    private static CommandLine build(String... names) {
        CommandLine cl = new CommandLine(new QuiverCommand());
        for (String name : names) {
            cl.addSubcommand(name, SUBCOMMANDS.get(name).get());
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new FatalErrorHandler());
        cl.setParameterExceptionHandler(Main::usageError);
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
