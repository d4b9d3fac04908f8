package dev.quiver.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the real command tree in-process and captures what it prints. */
public record Cli(int exit, String out, String err) {
    /** Runs {@code args} through {@link Main#newCommandLine()}. */
    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /**
     * Runs {@code args} with {@code --db db} inserted after the first {@code at} words (when there are that many), and returns
     * the transcript a golden file holds: the command as typed (without the database), stdout,
     * stderr and the exit code, with {@code tmp} shown as {@code $TMP}.
     */
    static String transcript(String[] args, int at, Path db, Path tmp) {
        List<String> full = new ArrayList<>(List.of(args));
        if (args.length >= at) {
            full.add(at, "--db");
            full.add(at + 1, db.toString());
        }
        Cli r = run(full.toArray(new String[0]));
        String text = "$ quiver " + String.join(" ", args) + "\n" + r.out()
                + (r.err().isEmpty() ? "" : "--- stderr\n" + r.err()) + "--- exit " + r.exit() + "\n";
        return text.replace(tmp.toString(), "$TMP");
    }
}
