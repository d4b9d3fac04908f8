package dev.quiver.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.cli.Cli;
import dev.quiver.cli.Main;
import dev.quiver.core.TestApps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell without a terminal: a script file ({@code -c FILE}) or standard input, run to its end
 * (no {@code quit} needed), errors that do not stop it, {@code --fail-fast}, and the exit code.
 */
class ShellScriptTest {
    @TempDir
    static Path tmp;
    static Path db;

    @BeforeAll
    static void build() throws Exception {
        db = TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("a.db"));
    }

    private static Cli script(String text, String... options) throws Exception {
        Path file = Files.createTempFile(tmp, "script", ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        String[] args = new String[4 + options.length];
        args[0] = "shell";
        args[1] = db.toString();
        args[2] = "-c";
        args[3] = file.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return Cli.run(args);
    }

    @Test
    void aScriptRunsToItsEndWithoutQuit() throws Exception {
        Cli r = script("classes --count\nmethods --name encrypt --exact --columns method\n");
        assertThat(r.out()).isEqualTo("13\nLcom/q/Crypto;->encrypt(Ljava/lang/String;)[B\nLcom/q/Crypto;->encrypt([B)[B\n");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
    }

    @Test
    void anErrorDoesNotStopTheScriptAndItsCodeIsTheScriptsCode() throws Exception {
        Cli r = script("nope\nxref 'Lcom/q/Crypto;->encrypt(I)[B'\nclasses --count\n");
        assertThat(r.out()).isEqualTo("13\n");
        assertThat(r.err()).isEqualTo("quiver: error: unknown command 'nope' (type 'help' for the list)\n"
                + "quiver: error: no method Lcom/q/Crypto;->encrypt(I)[B in the index (neither defined nor referenced); "
                + "overloads there: Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B, Lcom/q/Crypto;->encrypt([B)[B\n");
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void failFastStopsAtTheFirstFailureWithItsCode() throws Exception {
        Cli r = script("classes --count\n\nclasses --bogus\nclasses --count\n", "--fail-fast");
        assertThat(r.out()).isEqualTo("13\n");
        assertThat(r.err()).startsWith("quiver: error: Unknown option: '--bogus' (see 'help classes')\nquiver: stopped at ")
                .endsWith(" line 3 (--fail-fast)\n");
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void parseAndRemoveInTheShellAreSeenByTheNextQuestion() throws Exception {
        Path own = tmp.resolve("changed.db");
        Files.copy(db, own, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path graph = TestApps.tree(TestApps.GRAPH, tmp.resolve("graph-tree"));
        Path file = Files.createTempFile(tmp, "script", ".txt");
        Files.writeString(file, "classes --count\nparse " + graph + " -o " + own + " --append -q\nclasses --count\n"
                + "remove " + graph + " --db " + own + " -q\nclasses --count\n", StandardCharsets.UTF_8);
        Cli r = Cli.run("shell", own.toString(), "-c", file.toString(), "--fail-fast");
        assertThat(r.err().lines()).hasSize(2).allMatch(l -> l.equals("quiver: note: " + own
                + " was rewritten; the shell now reads the new index"));
        List<String> counts = r.out().lines().toList();
        assertThat(counts).hasSize(3);
        assertThat(counts.get(0)).isEqualTo("13");
        assertThat(Integer.parseInt(counts.get(1))).isGreaterThan(13);
        assertThat(counts.get(2)).isEqualTo("13");
    }

    @Test
    void findingNothingIsNotAFailure() throws Exception {
        Cli r = script("classes Nothing\nclasses --count\n", "--fail-fast");
        assertThat(r.out()).isEqualTo("13\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void commentsBlankLinesQuotesAcrossLinesAndBackslashContinuation() throws Exception {
        Cli r = script("# a comment\n\n   \nclasses \\\n  --count   # trailing comment\n"
                + "strings --exact 'a_b%c' --columns \"value\"\nfields 'Lcom/q/Device;->count:I' --exact --columns field\n");
        assertThat(r.out()).isEqualTo("13\na_b%c\nLcom/q/Device;->count:I\n");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
    }

    @Test
    void anUnclosedQuoteAtTheEndIsAnErrorAndItsCommandDoesNotRun() throws Exception {
        Cli r = script("classes --count\nstrings 'abc\n");
        assertThat(r.out()).isEqualTo("13\n");
        assertThat(r.err()).endsWith(" line 2: an unclosed single quote runs to the end of the input; the command was "
                + "not run\n");
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void quitEndsTheScript() throws Exception {
        Cli r = script("classes --count\nquit\nclasses --count\n");
        assertThat(r.out()).isEqualTo("13\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void optionsOfOneCommandDoNotLeakIntoTheNext() throws Exception {
        Cli r = script("xref 'Lcom/q/Crypto;->encrypt([B)[B' --callees --columns method\n"
                + "xref 'Lcom/q/Crypto;->encrypt([B)[B' --columns method\nclasses --count\nclasses Crypto --columns class\n");
        assertThat(r.out()).isEqualTo("Ljavax/crypto/Cipher;->getInstance(Ljava/lang/String;)Ljavax/crypto/Cipher;\n"
                + "Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B\nLcom/q/Users;->fromBytes([B)V\n13\nLcom/q/Crypto;\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void openSwitchesTheIndexAndAFailedOpenKeepsTheOpenOne() throws Exception {
        Path tree = TestApps.tree(TestApps.ANALYSIS, tmp.resolve("open-src"));
        Files.delete(tree.resolve("Chain.smali"));
        Path other = tmp.resolve("other.db");
        assertThat(Cli.run("parse", tree.toString(), "-o", other.toString(), "-q").exit()).isZero();
        Cli r = script("open " + other + "\nclasses --count\nopen " + tmp.resolve("missing.db") + "\nclasses --count\n"
                + "classes --count --db " + db + "\nopen\n");
        assertThat(r.out()).isEqualTo("12\n12\n13\nopen: " + other + "\n");
        assertThat(r.err()).startsWith("quiver: error: no index at " + tmp.resolve("missing.db"));
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void parseInsideTheShellAndTheOpenIndexFollowsARewrite() throws Exception {
        Path tree = TestApps.tree(TestApps.ANALYSIS, tmp.resolve("parse-src"));
        Path fresh = tmp.resolve("fresh.db");
        Files.copy(db, fresh);
        Files.delete(tree.resolve("Chain.smali"));
        Path file = Files.writeString(tmp.resolve("parse.txt"), "classes --count\nparse " + tree + " -o " + fresh
                + " -q\nclasses --count\n");
        Cli r = Cli.run("shell", fresh.toString(), "-c", file.toString());
        assertThat(r.out()).isEqualTo("13\n12\n");
        assertThat(r.err()).isEqualTo("quiver: note: " + fresh + " was rewritten; the shell now reads the new index\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void aScriptThatIsNotUtf8IsAClearError() throws Exception {
        Path file = tmp.resolve("latin1.txt");
        Files.write(file, "classes --count\nstrings caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Cli r = Cli.run("shell", db.toString(), "-c", file.toString());
        assertThat(r.out()).as("nothing of a file that is not text runs").isEmpty();
        assertThat(r.err()).isEqualTo("quiver: error: " + file + " line 2 is not UTF-8 text\n");
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void aMissingScriptOrIndexIsAClearError() {
        Cli noScript = Cli.run("shell", db.toString(), "-c", tmp.resolve("none.txt").toString());
        assertThat(noScript.err()).isEqualTo("quiver: error: no command file " + tmp.resolve("none.txt") + "\n");
        assertThat(noScript.exit()).isEqualTo(2);
        Cli noDb = Cli.run("shell", tmp.resolve("none.db").toString(), "-c", tmp.resolve("none.txt").toString());
        assertThat(noDb.err()).startsWith("quiver: error: no index at " + tmp.resolve("none.db"));
        assertThat(noDb.exit()).isEqualTo(2);
    }

    @Test
    void helpListsCommandsAndExplainsOne() throws Exception {
        Cli r = script("help\nhelp xref\nhelp nope\n");
        assertThat(r.out()).contains("Quiver commands:\n  parse ", "\nShell commands:\n  open ", "  quit, exit ",
                "Usage: quiver xref [-ehirV]");
        assertThat(r.out()).doesNotContain("  shell ", "  analyzer ", "smalisca's analyzer commands");
        assertThat(r.err()).isEqualTo("quiver: error: no command 'nope' (type 'help' for the list)\n");
    }

    /** Standard input, as a pipe: no prompt, no banner, the end of input ends the shell. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void standardInputRunsToItsEndWithNothingExtraPrinted() throws Exception {
        Path input = Files.writeString(tmp.resolve("stdin.txt"), "classes --count\nbogus\nstrings DES --columns value\n");
        Process p = java("shell", db.toString()).redirectInput(input.toFile()).start();
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("13\nDES\n");
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("quiver: error: unknown command 'bogus' (type 'help' for the list)\n");
        assertThat(p.exitValue()).isEqualTo(2);
    }

    /** {@code search} writes to the process's standard output itself: in a shell its lines come in order. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void searchAndParseWorkInsideTheShell() throws Exception {
        Path tree = TestApps.tree(TestApps.ANALYSIS, tmp.resolve("search-src"));
        Path made = tmp.resolve("made.db");
        Path input = Files.writeString(tmp.resolve("search.txt"), "classes --count --db " + db + "\n"
                + "search -F evil.example " + tree + "\n"
                + "parse " + tree + " -o " + made + " -q\nopen " + made + "\nmethods --count\n");
        Process p = java("shell").redirectInput(input.toFile()).start();
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("13\n"
                + tree + "/Device.smali:12:    const-string v0, \"https://evil.example/api?x=1\"\n34\n");
        assertThat(err).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    static ProcessBuilder java(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LC_ALL", "C.UTF-8");
        return pb;
    }
}
