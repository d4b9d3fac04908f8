package dev.quiver.cli.shell;

import dev.quiver.cli.ExitCode;
import dev.quiver.cli.query.Session;
import dev.quiver.cli.terminal.Terminal;
import dev.quiver.core.query.QueryException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts a shell the way {@code quiver shell} and {@code quiver analyzer} both do: opens the
 * index, then runs the script file, or the terminal session, or the commands on standard input.
 */
public final class ShellLauncher {
    private ShellLauncher() {
    }

    /**
     * Runs a shell and returns its exit code.
     *
     * @param db       the index to open first, or null
     * @param script   a file of commands ({@code -} for standard input), or null: a terminal session
     *                 when standard input and output are terminals, else standard input as a script
     * @param failFast stop a script at its first failing command
     */
    public static int launch(Shell.Flavor flavor, List<ShellExtension> extensions, Path db, Path script,
                             boolean failFast, PrintWriter out, PrintWriter err) {
        if (db != null) {
            try {
                Session.open(db);
            } catch (QueryException e) {
                err.println("quiver: error: " + e.getMessage());
                err.flush();
                return ExitCode.ERROR.code();
            }
        }
        try {
            Shell shell = new Shell(flavor, out, err, extensions);
            if (script != null && !script.toString().equals("-")) {
                try {
                    String text = decode(Files.readAllBytes(script), script.toString());
                    return shell.runScript(new StringReader(text), script.toString(), failFast);
                } catch (NotText e) {
                    err.println("quiver: error: " + e.getMessage());
                    err.flush();
                    return ExitCode.ERROR.code();
                } catch (NoSuchFileException e) {
                    err.println("quiver: error: no command file " + script);
                    err.flush();
                    return ExitCode.ERROR.code();
                } catch (IOException e) {
                    err.println("quiver: error: cannot read " + script + ": " + e.getMessage());
                    err.flush();
                    return ExitCode.ERROR.code();
                }
            }
            if (script == null && Terminal.stdinIsTerminal() && Terminal.stdoutIsTerminal()) {
                try {
                    return Interactive.run(shell, System.getenv());
                } catch (IOException e) {
                    err.println("quiver: error: cannot use the terminal: " + e.getMessage());
                    err.flush();
                    return ExitCode.ERROR.code();
                }
            }
            return shell.runScript(utf8(System.in), "<stdin>", failFast);
        } finally {
            Session.close();
        }
    }

    /**
     * A command file as text, checked whole before any of it runs: a file that is not UTF-8 is an
     * error naming the line, never a half-run script or silently changed characters.
     */
    static String decode(byte[] bytes, String name) throws NotText {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new NotText(name + " line " + line + " is not UTF-8 text");
        }
        return out.flip().toString();
    }

    /** A command file that is not UTF-8 text. */
    static final class NotText extends IOException {
        private static final long serialVersionUID = 1L;

        NotText(String message) {
            super(message);
        }
    }

    /** Strict UTF-8: input that is not text is an error, not silently changed characters. */
    private static Reader utf8(java.io.InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
