package dev.quiver.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.cli.Cli;
import dev.quiver.cli.Main;
import dev.quiver.core.TestApps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell in a real terminal: tmux runs it, {@code send-keys} types, {@code capture-pane} reads
 * the screen (polled until what is expected shows, never a fixed sleep). Skipped without tmux
 * ({@code .ci/run} installs it). Each test has its own tmux server (a socket in the test's
 * directory) and kills only that one.
 */
class ShellTerminalTest {
    /** How long a screen may take to show what is expected (a JVM start on a loaded machine). */
    private static final long WAIT_MS = 60_000;

    @TempDir
    static Path tmp;
    static Path db;

    /** This test's own tmux server: its socket lives in the test's directory and goes with it. */
    private final String socket = "tmux-" + System.nanoTime() + ".sock";
    private final String session = "shell";
    /** The shell's process (the script execs it). */
    private String pid;

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(tmuxAvailable(), "tmux is not installed");
        Path tree = TestApps.tree(TestApps.ANALYSIS, tmp.resolve("src"));
        // A string that a catastrophic regex takes practically forever on: the query Ctrl-C stops.
        Files.writeString(tree.resolve("Slow.smali"), ".class public LSlow;\n.super Ljava/lang/Object;\n"
                + ".method public static m()V\n    .registers 1\n    const-string v0, \"" + "a".repeat(60) + "!\"\n"
                + "    return-void\n.end method\n");
        db = tmp.resolve("a.db");
        assertThat(Cli.run("parse", tree.toString(), "-o", db.toString(), "-q").exit()).isZero();
    }

    private static boolean tmuxAvailable() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @AfterEach
    void killServer() throws Exception {
        tmux("kill-server");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void completionHistoryErrorsCtrlCAndCtrlD() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        start(home, "shell", db.toString());
        waitFor("the prompt", s -> lastLine(s).equals("quiver(a.db)>"));

        // Tab completes a class name from the open index
        keys("classes Lcom/q/Cr", "Tab");
        waitFor("the completed class name", s -> lastLine(s).endsWith("quiver(a.db)> classes Lcom/q/Crypto;"));
        keys("Enter");
        waitFor("the class row", s -> s.contains("Crypto.smali") && lastLine(s).equals("quiver(a.db)>"));

        // an error, then a good command
        keys("nope", "Enter");
        waitFor("the error", s -> s.contains("quiver: error: unknown command 'nope' (type 'help' for the list)")
                && lastLine(s).equals("quiver(a.db)>"));
        keys("classes --count", "Enter");
        waitFor("the count", s -> s.contains("\n14\n") && lastLine(s).equals("quiver(a.db)>"));

        // Up recalls the previous lines
        keys("Up");
        waitFor("the last command recalled", s -> lastLine(s).equals("quiver(a.db)> classes --count"));
        keys("Up");
        waitFor("the one before", s -> lastLine(s).equals("quiver(a.db)> nope"));
        keys("Down", "Enter");
        waitFor("the count again", s -> s.split("\n14\n", -1).length == 3 && lastLine(s).equals("quiver(a.db)>"));

        // Ctrl-C cancels a query that would run practically forever, and the prompt comes back
        keys("strings --regex '(.*a){25}$' --count", "Enter");
        waitFor("the query running", s -> lastLine(s).endsWith("--count") && !s.endsWith("quiver(a.db)>"));
        Thread.sleep(500); // let it get into the regex: cancelling then is what is tested
        keys("C-c");
        waitFor("the cancelled query and a new prompt", s -> s.contains("quiver: error: cancelled")
                && lastLine(s).equals("quiver(a.db)>"));
        keys("classes --count", "Enter");
        waitFor("the shell still answering", s -> s.split("\n14\n", -1).length == 4 && lastLine(s).equals("quiver(a.db)>"));

        // Ctrl-D leaves, with exit code 0, and the history is in the home directory
        keys("C-d");
        waitFor("the shell gone", s -> exitStatus() != null);
        assertThat(exitStatus()).isZero();
        assertThat(Files.readAllLines(home.resolve(".quiver_history"))).map(l -> l.replaceFirst("^\\d+:", ""))
                .containsExactly("classes Lcom/q/Crypto;", "nope", "classes --count", "strings --regex '(.*a){25}$' --count",
                        "classes --count");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aHomeThatCannotHoldTheHistoryIsNoProblem() throws Exception {
        Path missing = tmp.resolve("no-such-home");
        start(missing, "analyzer", "-i", db.toString(), "-f", "sqlite");
        waitFor("the prompt and the note", s -> s.contains("History is not saved (no directory " + missing + ")")
                && lastLine(s).equals("analyzer(a.db)>"));
        keys("sc -c class_name -p crypto -x path", "Enter");
        waitFor("the answer", s -> s.contains("Lcom/q/Crypto;") && lastLine(s).equals("analyzer(a.db)>"));
        keys("Up");
        waitFor("history in memory", s -> lastLine(s).equals("analyzer(a.db)> sc -c class_name -p crypto -x path"));
        keys("C-u", "q", "Enter");
        waitFor("the shell gone", s -> exitStatus() != null);
        assertThat(exitStatus()).isZero();
        assertThat(Files.exists(missing)).isFalse();
    }

    // ---- tmux --------------------------------------------------------------------------------------

    private void start(Path home, String... args) throws Exception {
        Path script = tmp.resolve("run-" + System.nanoTime() + ".sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder cmd = new StringBuilder("#!/bin/sh\nexec env HOME='" + home + "' LC_ALL=C.UTF-8 TERM=xterm-256color "
                + "QUIVER_HISTORY= '" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + Main.class.getName());
        for (String a : args) {
            cmd.append(" '").append(a).append('\'');
        }
        Files.writeString(script, cmd.append('\n').toString(), StandardCharsets.UTF_8);
        script.toFile().setExecutable(true);
        // The pane stays when the shell ends (read at server start: no race with a quick death), so its
        // exit status can be read and a failed start shows its error.
        Path conf = Files.writeString(tmp.resolve("tmux.conf"), "set-option -g remain-on-exit on\n");
        tmux("-f", conf.toString(), "new-session", "-d", "-s", session, "-x", "160", "-y", "50", script.toString());
        pid = tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip();
    }

    private void keys(String... keys) throws Exception {
        for (String k : keys) {
            boolean named = k.equals("Enter") || k.equals("Tab") || k.equals("Up") || k.equals("Down") || k.startsWith("C-");
            if (named) {
                tmux("send-keys", "-t", session, k);
            } else {
                tmux("send-keys", "-t", session, "-l", k);
            }
        }
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-t", session).stripTrailing(); // -J: wrapped lines joined
    }

    /**
     * The shell's exit status once it has ended, else null. tmux reports it when it has reaped the
     * process; a process that ended but is not reaped yet (a zombie: seen on a loaded machine, for a
     * minute and more) has it in /proc (stat field 52, as waitpid reports it).
     */
    private Integer exitStatus() throws Exception {
        if (tmux("display-message", "-p", "-t", session, "#{pane_dead}").strip().equals("1")) {
            String status = tmux("display-message", "-p", "-t", session, "#{pane_dead_status}").strip();
            if (!status.isEmpty()) {
                return Integer.parseInt(status);
            }
        }
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", pid, "stat"));
        } catch (IOException e) {
            return null; // reaped: tmux will say
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
        return fields[0].equals("Z") ? (Integer.parseInt(fields[fields.length - 1]) >> 8) & 0xff : null;
    }

    private static String lastLine(String screen) {
        String[] lines = screen.split("\n");
        return lines[lines.length - 1].stripTrailing();
    }

    /** Polls the screen until {@code ok} holds; fails with the screen when it does not in time. */
    private void waitFor(String what, Check ok) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        String s = "";
        while (System.nanoTime() < end) {
            s = screen();
            if (ok.test(s)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + WAIT_MS / 1000 + " s for " + what + "; the screen:\n" + s + threads());
    }

    /**
     * What the shell's process is doing, to tell a hang from a key not seen: its state, and a thread
     * dump (SIGQUIT makes the JVM print one on its terminal, even while it is exiting).
     */
    private String threads() {
        try {
            String state = String.join(" ", Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                    .filter(l -> l.startsWith("State:")).toList());
            new ProcessBuilder("kill", "-QUIT", pid).start().waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(3000);
            return "\nprocess " + pid + " " + state + "; its terminal with a thread dump:\n"
                    + tmux("capture-pane", "-p", "-J", "-S", "-3000", "-t", session);
        } catch (Exception e) {
            return "\n(no thread dump: " + e + ")";
        }
    }

    /** A condition on the screen. */
    private interface Check {
        boolean test(String screen) throws Exception;
    }

    private String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-S", tmp.resolve(socket).toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux " + String.join(" ", args) + " did not return");
        }
        return out;
    }
}
