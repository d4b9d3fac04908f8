package dev.quiver.cli.shell;

import dev.quiver.cli.query.Session;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.Names;
import dev.quiver.core.query.QueryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell on a terminal: JLine's line editor with the shell's quoting, history kept in the
 * user's home, Tab completion ({@link ShellCompleter}), and Ctrl-C handed to
 * {@link Shell#interrupt} while a command runs.
 */
final class Interactive {
    /** The history file's name in the user's home; {@code QUIVER_HISTORY} names another file. */
    static final String HISTORY = ".quiver_history";

    private Interactive() {
    }

    /** Runs the shell until Ctrl-D or {@code quit}; returns 0. */
    static int run(Shell shell, Map<String, String> env) throws IOException {
        // JLine reports what it cannot do (a history file it cannot write) through java.util.logging,
        // as stack traces on stderr; the shell says it once, in one line, itself.
        Logger.getLogger("org.jline").setLevel(Level.OFF);
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReaderBuilder b = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("quiver")
                    .parser(new JLineParser())
                    .completer(new ShellCompleter(shell.tree()))
                    .history(new DefaultHistory())
                    .variable(LineReader.HISTORY_SIZE, 5000)
                    .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                    // '!' starts flag negations (--flags '!final'), never a history event
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
            Path history = historyFile(env);
            String problem = history == null ? "no home directory" : unwritable(history);
            if (problem == null) {
                b.variable(LineReader.HISTORY_FILE, history);
            }
            LineReader reader = b.build();
            terminal.handle(Terminal.Signal.INT, signal -> shell.interrupt());
            shell.onOpen(() -> warm(Session.current()));
            warm(Session.current());
            shell.err().println("Quiver " + (shell.flavor() == Shell.Flavor.ANALYZER ? "analyzer (smalisca's commands "
                    + "and Quiver's)" : "shell") + ": 'help' lists the commands, Tab completes, Ctrl-D leaves."
                    + (problem == null ? "" : " History is not saved (" + problem + ")."));
            shell.err().flush();
            while (!shell.quitRequested()) {
                String line;
                try {
                    line = reader.readLine(shell.prompt());
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt drops the line, as in bash
                } catch (EndOfFileException e) {
                    break; // Ctrl-D
                }
                ShellLine parsed = ShellLine.parse(line);
                shell.execute(parsed.words());
            }
            try {
                reader.getHistory().save();
            } catch (IOException | RuntimeException e) {
                // already said at start-up when the file cannot be written
            }
        }
        return 0;
    }

    /** {@code $QUIVER_HISTORY}, else {@code ~/.quiver_history} ({@code $HOME}, else Java's user.home). */
    static Path historyFile(Map<String, String> env) {
        String explicit = env.get("QUIVER_HISTORY");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return home == null || home.isBlank() ? null : Path.of(home, HISTORY);
    }

    /** Why {@code file} cannot hold the history, or null when it can. */
    static String unwritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.exists(file)) {
            return Files.isRegularFile(file) && Files.isWritable(file) && Files.isReadable(file) ? null
                    : "cannot write " + file;
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return "no directory " + dir;
        }
        return Files.isWritable(dir) ? null : "cannot write in " + dir;
    }

    /** Loads the open index's names in the background, so that the first Tab finds them ready. */
    static void warm(Index index) {
        if (index == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Names.of(index, Deadline.none());
            } catch (QueryException | RuntimeException e) {
                // completion will try again (and stay quiet) when Tab is pressed
            }
        }, "quiver-shell-names");
        t.setDaemon(true);
        t.start();
    }

    /** The shell's word splitting for JLine: asks for another line while a quote is open. */
    static final class JLineParser implements Parser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            ShellLine l = ShellLine.parse(line, cursor);
            if (context == ParseContext.ACCEPT_LINE && l.incomplete()) {
                throw new EOFError(-1, cursor, l.problem(), l.problem().contains("quote") ? "quote" : "escape");
            }
            return new Parsed(l);
        }
    }

    /** A {@link ShellLine} as JLine sees it. */
    record Parsed(ShellLine l) implements CompletingParsedLine {
        @Override
        public String word() {
            return l.word();
        }

        @Override
        public int wordCursor() {
            return l.wordCursor();
        }

        @Override
        public int wordIndex() {
            return l.wordIndex();
        }

        @Override
        public List<String> words() {
            if (l.wordIndex() < l.words().size()) {
                return l.words();
            }
            // JLine expects the word under the cursor in the list, even a new empty one
            List<String> w = new java.util.ArrayList<>(l.words());
            w.add("");
            return w;
        }

        @Override
        public String line() {
            return l.line();
        }

        @Override
        public int cursor() {
            return l.cursor();
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return ShellLine.quote(candidate.toString(), l.openQuote(), complete);
        }

        @Override
        public int rawWordCursor() {
            return l.rawWordCursor();
        }

        @Override
        public int rawWordLength() {
            return l.rawWordLength();
        }
    }
}
