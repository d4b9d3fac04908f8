package dev.quiver.cli.shell.smalisca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.cli.Cli;
import dev.quiver.cli.query.Session;
import dev.quiver.cli.shell.Shell;
import dev.quiver.cli.shell.ShellLine;
import dev.quiver.core.Goldens;
import dev.quiver.core.TestApps;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * smalisca-style sessions ({@code src/test/resources/smalisca/<name>.txt}: commands as smalisca's
 * README and docs show them) on the fixture app, compared with golden transcripts
 * ({@code golden/smalisca/<name>.txt}: each command, what it printed, its exit code when not 0).
 * The same file run by {@code quiver analyzer -c FILE} prints the same, and ends at its end.
 */
class AnalyzerSessionTest {
    @TempDir
    static Path tmp;
    static Path db;

    @BeforeAll
    static void build() throws Exception {
        db = TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("a.db"));
    }

    private static String session(String name) throws IOException {
        try (InputStream in = AnalyzerSessionTest.class.getResourceAsStream("/smalisca/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("$TMP", tmp.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"readme", "method-level", "table", "errors", "draw"})
    void sessionMatchesGoldenAndRunsTheSameFromAFile(String name) throws Exception {
        String script = session(name);
        StringBuilder transcript = new StringBuilder();
        StringBuilder allOut = new StringBuilder();
        int firstFailure = 0;
        Session.open(db);
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Shell shell = new Shell(Shell.Flavor.ANALYZER, new PrintWriter(out, true), new PrintWriter(err, true),
                    List.of(new SmaliscaCommands()));
            for (String line : script.split("\n", -1)) {
                List<String> words = ShellLine.parse(line).words();
                if (line.startsWith("#")) {
                    transcript.append(line).append('\n');
                }
                if (words.isEmpty()) {
                    continue;
                }
                out.getBuffer().setLength(0);
                err.getBuffer().setLength(0);
                int code = shell.execute(words);
                firstFailure = firstFailure == 0 && code >= 2 ? code : firstFailure;
                allOut.append(out);
                transcript.append("smalisca> ").append(line).append('\n').append(out);
                for (String e : err.toString().split("\n")) {
                    transcript.append(e.isEmpty() ? "" : "stderr: " + e + "\n");
                }
                transcript.append(code == 0 ? "" : "(exit " + code + ")\n");
                if (shell.quitRequested()) {
                    break;
                }
            }
        } finally {
            Session.close();
        }
        Goldens.assertMatches(getClass(), "smalisca", name + ".txt", transcript.toString().replace(tmp.toString(), "$TMP"));

        Path file = Files.writeString(tmp.resolve(name + ".txt"), script);
        Cli batch = Cli.run("analyzer", "-i", db.toString(), "-f", "sqlite", "-c", file.toString());
        assertThat(batch.out()).isEqualTo(allOut.toString());
        assertThat(batch.exit()).isEqualTo(firstFailure);
    }

    /** The drawing commands write exactly the files named, in the formats asked for, through quiver graph. */
    @Test
    void drawingWritesTheNamedFilesInTheirFormats() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("drawn"));
        String script = "dc -c class_package -p com.q -f dot -o " + out.resolve("c.dot") + "\n"
                + "dxcl -c Crypto -m encrypt -d to -f json -o " + out.resolve("x.json") + "\n";
        boolean graphviz = graphviz();
        if (graphviz) {
            script += "dcl -fc Users -f svg -o " + out.resolve("u.svg") + "\n"
                    + "dxcl -c Chain -m l1 -d from --max-depth 2 -f png -o " + out.resolve("l.png") + "\n"
                    + "dc -f pdf -o " + out.resolve("all.pdf") + "\n";
        }
        Cli r = Cli.run("analyzer", "-i", db.toString(), "-f", "sqlite", "-c",
                Files.writeString(tmp.resolve("drawn.txt"), script).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("c.dot"))).startsWith("digraph");
        assertThat(Files.readString(out.resolve("x.json"))).startsWith("{\"graph\":\"calls\"")
                .contains("\"Lcom/q/Users;->fromBytes([B)V\"", "\"Lcom/q/Users;->fromString()V\"");
        if (graphviz) {
            assertThat(Files.readString(out.resolve("u.svg"))).contains("<svg");
            assertThat(Files.readAllBytes(out.resolve("l.png"))).startsWith(0x89, 'P', 'N', 'G');
            assertThat(Files.readAllBytes(out.resolve("all.pdf"))).startsWith('%', 'P', 'D', 'F');
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).as("no x.png.png, no leftovers")
                    .containsExactlyElementsOf(graphviz ? List.of("all.pdf", "c.dot", "l.png", "u.svg", "x.json")
                            : List.of("c.dot", "x.json"));
        }
    }

    private static boolean graphviz() {
        try {
            Process p = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The answers that make the analyzer method-level, spelled out (the goldens hold them too). */
    @Test
    void crossReferencesAreMethodLevel() throws Exception {
        Path file = Files.writeString(tmp.resolve("xref.txt"), "sxcl -c Crypto -m 'encrypt([B)' -d to -x kind\n"
                + "sxcl -c Crypto -m 'encrypt(Ljava/lang/String;)' -d to -x kind\n");
        Cli r = Cli.run("analyzer", "-i", db.toString(), "-f", "sqlite", "-c", file.toString());
        assertThat(r.out()).isEqualTo(
                "1\tLcom/q/Crypto;\tencrypt(Ljava/lang/String;)[B\tLcom/q/Crypto;\tencrypt\t[B\t[B\n"
                + "1\tLcom/q/Users;\tfromBytes([B)V\tLcom/q/Crypto;\tencrypt\t[B\t[B\n"
                + "1\tLcom/q/Users;\tfromString()V\tLcom/q/Crypto;\tencrypt\tLjava/lang/String;\t[B\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void theAnalyzerNeedsAQuiverIndexAndSaysWhatToDo() throws Exception {
        Cli missing = Cli.run("analyzer", "-i", tmp.resolve("none.sqlite").toString(), "-f", "sqlite", "-c", "-");
        assertThat(missing.err()).startsWith("quiver: error: no index at " + tmp.resolve("none.sqlite"));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(Files.exists(tmp.resolve("none.sqlite"))).as("smalisca created an empty file here").isFalse();
        Cli format = Cli.run("analyzer", "-i", db.toString(), "-f", "xml");
        assertThat(format.err()).startsWith("quiver: error: -f takes sqlite or json, not 'xml'");
        assertThat(format.exit()).isEqualTo(2);
    }
}
