package dev.quiver.cli.shell;

import dev.quiver.cli.ExitCode;
import dev.quiver.cli.CommandTree;
import dev.quiver.cli.QuiverCommand;
import dev.quiver.cli.query.Session;
import dev.quiver.cli.render.Cells;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The shell's engine: runs command lines through the same picocli commands as the command line
 * ({@link CommandTree}), plus the shell's own ({@code open}, {@code help}, {@code quit}) and, for
 * smalisca's analyzer, its commands. Each command runs on a tree built for that run (only its own
 * command is built, so it is cheap): nothing a command parsed can leak into the next, which reusing
 * one tree does not guarantee (picocli leaves {@code @ArgGroup} fields set).
 *
 * <p>A command's error is its message and exit code, never the end of the session. Ctrl-C
 * ({@link #interrupt}) cancels the running command: the query layer's deadline stops SQL and
 * regexes, and the thread is interrupted for everything else (a parse).
 */
public final class Shell {
    /** Which shell: Quiver's, or smalisca's analyzer (Quiver's plus smalisca's commands). */
    public enum Flavor {
        QUIVER("quiver"),
        ANALYZER("analyzer");

        private final String prompt;

        Flavor(String prompt) {
            this.prompt = prompt;
        }

        /** The prompt's first word. */
        public String prompt() {
            return prompt;
        }
    }

    /** The headings of {@code help}. */
    static final String QUIVER_COMMANDS = "Quiver commands";
    static final String SHELL_COMMANDS = "Shell commands";

    /**
     * The commands a shell does not offer: a shell inside a shell helps no one, nor a script for
     * bash, nor a server that holds the prompt until Ctrl-C.
     */
    private static final List<String> NOT_IN_A_SHELL = List.of("shell", "analyzer", "completion", "serve");

    private final Flavor flavor;
    private final CommandLine tree;
    private final Map<String, Supplier<Object>> own = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    /** The heading {@code help} lists a command under (Quiver's commands have none here). */
    private final Map<String, String> groups = new LinkedHashMap<>();
    private final PrintWriter out;
    private final PrintWriter err;
    private final Object lock = new Object();
    private Thread runner;
    private int interrupts;
    private boolean quit;
    private volatile Runnable onOpen;

    /** A shell printing to {@code out} and {@code err}, with the commands of {@code extensions} added. */
    public Shell(Flavor flavor, PrintWriter out, PrintWriter err, List<ShellExtension> extensions) {
        this.flavor = flavor;
        this.out = out;
        this.err = err;
        own.put("open", () -> new OpenCommand(this));
        own.put("help", () -> new HelpCommand(this));
        own.put("quit", () -> new QuitCommand(this));
        List<String> quitAliases = flavor == Flavor.ANALYZER ? List.of("exit", "q") : List.of("exit");
        for (String a : quitAliases) {
            aliases.put(a, "quit");
        }
        for (String name : own.keySet()) {
            groups.put(name, SHELL_COMMANDS);
        }
        for (ShellExtension e : extensions) {
            for (Map.Entry<String, Supplier<Object>> c : e.commands().entrySet()) {
                own.put(c.getKey(), c.getValue());
                groups.put(c.getKey(), e.heading());
            }
        }
        // The model of every command, for help and completion; commands run on fresh trees (execute).
        this.tree = CommandTree.full();
        for (String name : NOT_IN_A_SHELL) {
            tree.getCommandSpec().removeSubcommand(name);
        }
        for (Map.Entry<String, Supplier<Object>> e : own.entrySet()) {
            tree.addSubcommand(e.getKey(), e.getValue().get(),
                    e.getKey().equals("quit") ? quitAliases.toArray(new String[0]) : new String[0]);
        }
    }

    /** A tree that runs {@code name}, built for this one run, with the shell's handling of errors and Ctrl-C. */
    private CommandLine runnable(String name) {
        CommandLine root;
        Supplier<Object> mine = own.get(aliases.getOrDefault(name, name));
        if (mine != null) {
            root = new CommandLine(new QuiverCommand());
            root.addSubcommand(name, mine.get());
            root.setExecutionExceptionHandler(CommandTree.fatalErrors());
        } else {
            root = CommandTree.forCommand(name);
        }
        root.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.IExecutionExceptionHandler fatal = root.getExecutionExceptionHandler();
        root.setExecutionExceptionHandler((ex, cl, parsed) -> {
            if (cancelRequested()) {
                cl.getErr().println("quiver: cancelled");
                cl.getErr().flush();
                return ExitCode.INTERRUPTED.code();
            }
            return fatal.handleExecutionException(ex, cl, parsed);
        });
        root.setParameterExceptionHandler(Shell::usageError);
        root.setOut(out);
        root.setErr(err);
        return root;
    }

    public Flavor flavor() {
        return flavor;
    }

    /** The command tree (for completion and help). */
    public CommandLine tree() {
        return tree;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Called when an index is opened: the terminal shell starts loading its names for completion. */
    void opened(Index index) {
        Runnable hook = onOpen;
        if (hook != null && index != null) {
            hook.run();
        }
    }

    /** What to do when an index is opened (the terminal shell: load names for completion). */
    void onOpen(Runnable hook) {
        this.onOpen = hook;
    }

    /** Asks the loop to end after the running command ({@code quit}). */
    void requestQuit() {
        quit = true;
    }

    /** Whether {@code quit} was run. */
    public boolean quitRequested() {
        return quit;
    }

    /** The prompt: the flavour and the open index's file name. */
    public String prompt() {
        Index open = Session.current();
        String name = open == null ? "" : "(" + Cells.display(String.valueOf(open.file().getFileName())) + ")";
        return flavor.prompt() + name + "> ";
    }

    /**
     * Runs a script (a file or standard input): one command per line, a quoted value may span
     * lines, a backslash at the end of a line continues it, blank lines and {@code #} comments are
     * skipped. Ends at the end of the input, or at {@code quit}.
     *
     * @param failFast stop at the first command that fails (exit code 2 or more other than 3)
     * @return 0 when no command failed, else the exit code of the first that did
     */
    public int runScript(Reader input, String name, boolean failFast) {
        BufferedReader r = input instanceof BufferedReader b ? b : new BufferedReader(input);
        int firstFailure = 0;
        int lineNo = 0;
        int startLine = 0;
        String pending = null;
        try {
            String raw;
            while ((raw = r.readLine()) != null) {
                lineNo++;
                String text = pending == null ? raw : pending + "\n" + raw;
                if (pending == null) {
                    startLine = lineNo;
                }
                ShellLine line = ShellLine.parse(text);
                if (line.incomplete()) {
                    pending = text;
                    continue;
                }
                pending = null;
                if (line.words().isEmpty()) {
                    continue;
                }
                int code = execute(line.words());
                if (failed(code)) {
                    firstFailure = firstFailure == 0 ? code : firstFailure;
                    if (failFast) {
                        err.println("quiver: stopped at " + name + " line " + startLine + " (--fail-fast)");
                        err.flush();
                        return code;
                    }
                }
                if (quit) {
                    break;
                }
            }
        } catch (CharacterCodingException e) {
            // standard input is read as it comes (a pipe may feed it slowly); files are checked whole first
            err.println("quiver: error: " + name + " line " + (lineNo + 1) + " is not UTF-8 text");
            err.flush();
            return ExitCode.ERROR.code();
        } catch (IOException e) {
            err.println("quiver: error: cannot read " + name + ": " + e.getMessage());
            err.flush();
            return ExitCode.ERROR.code();
        }
        if (pending != null) {
            err.println("quiver: error: " + name + " line " + startLine + ": " + ShellLine.parse(pending).problem()
                    + " runs to the end of the input; the command was not run");
            err.flush();
            return firstFailure != 0 ? firstFailure : ExitCode.ERROR.code();
        }
        return firstFailure;
    }

    /** Whether exit code {@code code} means the command failed (not: success, nothing found, completed with problems). */
    static boolean failed(int code) {
        return code != ExitCode.OK.code() && code != ExitCode.NO_MATCH.code()
                && code != ExitCode.COMPLETED_WITH_PROBLEMS.code();
    }

    /** Runs one command (its words, unquoted) and returns its exit code. Never throws. */
    public int execute(List<String> words) {
        if (words.isEmpty()) {
            return ExitCode.OK.code();
        }
        String name = words.get(0);
        if (!tree.getSubcommands().containsKey(name)) {
            err.println("quiver: error: unknown command '" + Cells.display(name)
                    + "' (type 'help' for the list)" + suggestion(name));
            err.flush();
            return ExitCode.ERROR.code();
        }
        Stamp before = Stamp.of(Session.current());
        synchronized (lock) {
            runner = Thread.currentThread();
            interrupts = 0;
        }
        int code;
        try {
            code = runnable(name).execute(words.toArray(new String[0]));
        } catch (OutOfMemoryError e) {
            err.println("quiver: fatal: out of memory (" + e.getMessage() + "); the shell goes on, but give Java more "
                    + "with QUIVER_JAVA_OPTS=-Xmx4g for this question");
            code = ExitCode.ERROR.code();
        } catch (StackOverflowError e) {
            err.println("quiver: fatal: the command recursed too deeply (stack overflow)");
            code = ExitCode.ERROR.code();
        } catch (Error e) {
            // picocli hands only Exceptions to the handlers; an Error must not end the session either
            err.println("quiver: fatal: " + e);
            code = ExitCode.ERROR.code();
        } finally {
            synchronized (lock) {
                runner = null;
                // An interrupt meant for the command must not reach the next prompt.
                Thread.interrupted();
            }
            out.flush();
            err.flush();
        }
        reopenIfRewritten(before);
        return code;
    }

    /** "Did you mean" for a mistyped command: the commands sharing its first letters. */
    private String suggestion(String name) {
        List<String> near = new ArrayList<>();
        for (String c : tree.getSubcommands().keySet()) {
            if (name.length() >= 2 && (c.startsWith(name.substring(0, 2)) || name.startsWith(c) && c.length() >= 3)) {
                near.add(c);
            }
        }
        return near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?";
    }

    /**
     * {@code parse … -o DB} over the open index replaces its file: the open handle would go on
     * reading the old one, so the shell opens the new file.
     */
    private void reopenIfRewritten(Stamp before) {
        Index open = Session.current();
        if (before == null || open == null || !before.file().equals(open.file())) {
            return;
        }
        Stamp now = Stamp.of(open);
        if (now != null && !now.equals(before)) {
            try {
                Session.open(open.file());
                err.println("quiver: note: " + open.file() + " was rewritten; the shell now reads the new index");
            } catch (QueryException e) {
                err.println("quiver: note: " + open.file() + " was rewritten and cannot be opened again: " + e.getMessage());
            }
            err.flush();
        }
    }

    /** What identifies an index file's content: replaced files get a new inode or time. */
    private record Stamp(Path file, Object key, long modified, long size) {
        static Stamp of(Index index) {
            if (index == null) {
                return null;
            }
            try {
                BasicFileAttributes a = Files.readAttributes(index.file(), BasicFileAttributes.class);
                return new Stamp(index.file(), Objects.toString(a.fileKey()), a.lastModifiedTime().toMillis(), a.size());
            } catch (IOException e) {
                return new Stamp(index.file(), null, -1, -1);
            }
        }
    }

    /**
     * Ctrl-C: cancels the running command (its query's deadline, and the thread). A second press
     * says the command is still stopping; a third leaves the shell, for a command that does not
     * stop. At the prompt, the line editor handles Ctrl-C itself (it clears the line).
     */
    public void interrupt() {
        synchronized (lock) {
            if (runner == null) {
                return;
            }
            interrupts++;
            if (interrupts == 1) {
                err.println(); // the terminal echoed ^C: what the command says next starts a line
                err.flush();
                Session.cancelRunning();
                runner.interrupt();
            } else if (interrupts == 2) {
                err.println("quiver: still stopping the command; press Ctrl-C once more to leave the shell");
                err.flush();
            } else {
                err.println("quiver: leaving the shell");
                err.flush();
                System.exit(ExitCode.INTERRUPTED.code());
            }
        }
    }

    private boolean cancelRequested() {
        synchronized (lock) {
            return interrupts > 0;
        }
    }

    /** A usage mistake inside the shell: one line, pointing at the shell's help. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName(" ").replaceFirst("^quiver ", "");
        cl.getErr().println("quiver: error: " + e.getMessage() + " (see 'help " + name + "')");
        CommandLine.UnmatchedArgumentException.printSuggestions(e, cl.getErr());
        cl.getErr().flush();
        return ExitCode.ERROR.code();
    }

    /** The shell's commands in the order of {@code help}, each once with its names. */
    Map<CommandLine, List<String>> commands() {
        Map<CommandLine, List<String>> byCommand = new LinkedHashMap<>();
        for (Map.Entry<String, CommandLine> e : tree.getSubcommands().entrySet()) {
            byCommand.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        return byCommand;
    }

    /** The heading {@code help} lists the command called {@code name} under. */
    String group(String name) {
        return groups.getOrDefault(name, QUIVER_COMMANDS);
    }
}
