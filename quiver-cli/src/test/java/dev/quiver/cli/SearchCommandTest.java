package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SearchCommandTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final StringWriter err = new StringWriter();
    SearchCommand command;

    @BeforeEach
    void tree() throws Exception {
        Files.writeString(dir.resolve("a.smali"), ".class La;\n    const-string v0, \"needle\"\n");
        Files.writeString(dir.resolve("b.txt"), "no\n");
    }

    private int run(String... args) {
        command = new SearchCommand(out);
        return run(command, args);
    }

    private int run(SearchCommand cmd, String... args) {
        CommandLine cl = new CommandLine(cmd);
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            throw ex;
        });
        return cl.execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exitCodeIsZeroForAMatchOneForNone() {
        assertThat(run("needle", dir.toString())).isEqualTo(ExitCode.OK.code());
        assertThat(stdout()).isEqualTo(dir.resolve("a.smali") + ":2:    const-string v0, \"needle\"\n");
        out.reset();
        assertThat(run("absent", dir.toString())).isEqualTo(ExitCode.NO_MATCH.code());
        assertThat(stdout()).isEmpty();
    }

    @Test
    void anErrorMakesTheExitCodeTwoEvenWithMatches() {
        assertThat(run("needle", dir.toString(), dir.resolve("missing").toString())).isEqualTo(ExitCode.ERROR.code());
        assertThat(stdout()).contains("needle");
        assertThat(err.toString()).contains("missing: No such file or directory");
    }

    @Test
    void invalidPatternIsAUsageError() {
        assertThat(run("a(b", dir.toString())).isEqualTo(ExitCode.ERROR.code());
        assertThat(err.toString()).contains("invalid pattern");
    }

    @Test
    void aBadGlobIsAOneLineError() {
        // rg 13: "error parsing glob '{a,{b}': nested alternate groups are not allowed", exit 2, no usage
        assertThat(run("-g", "{a,{b}", "needle", dir.toString())).isEqualTo(ExitCode.ERROR.code());
        assertThat(err.toString())
                .isEqualTo("quiver: error parsing glob '{a,{b}': nested alternate groups are not allowed" + System.lineSeparator());
        assertThat(stdout()).isEmpty();
    }

    @Test
    void optionsAreValidated() {
        assertThat(run("--write", "x", dir.toString())).isEqualTo(ExitCode.ERROR.code());
        assertThat(err.toString()).contains("--write and --dry-run need -r/--replace");
        assertThat(run("-t", "nosuchtype", "x", dir.toString())).isEqualTo(ExitCode.ERROR.code());
        assertThat(run("-l", "-c", "x", dir.toString())).isEqualTo(ExitCode.ERROR.code());
        assertThat(run("--sort", "size", "x", dir.toString())).isEqualTo(ExitCode.ERROR.code());
        assertThat(run("-r", "y", "-v", "--write", "x", dir.toString())).isEqualTo(ExitCode.ERROR.code());
    }

    @Test
    void typeListNamesTheTypes() {
        assertThat(run("--type-list")).isZero();
        assertThat(stdout()).contains("smali: *.smali").contains("kotlin: *.kt, *.kts");
    }

    @Test
    void filesTypesAndCounts() {
        assertThat(run("--files", "-t", "smali", dir.toString())).isZero();
        assertThat(stdout()).isEqualTo(dir.resolve("a.smali") + "\n");
        out.reset();
        assertThat(run("-c", "-e", "needle", "-e", "class", dir.toString())).isZero();
        assertThat(stdout()).isEqualTo(dir.resolve("a.smali") + ":2\n");
    }

    @Test
    void writeReplacesAtomicallyAndSaysHowMuch() throws Exception {
        Path a = dir.resolve("a.smali");
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-------"));
        assertThat(run("-r", "pin", "--write", "need(le)", dir.toString())).isZero();
        assertThat(Files.readString(a)).isEqualTo(".class La;\n    const-string v0, \"pin\"\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a))).isEqualTo("rw-------");
        assertThat(err.toString()).contains("made 1 replacement in 1 file");
    }

    @Test
    void editOpensTheFirstMatchOfEachFileWithoutAShell() throws Exception {
        Path log = dir.resolve("args.log");
        Path editor = dir.resolve("fake editor.sh");
        Files.writeString(editor, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > '" + log + "'\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
        Path odd = dir.resolve("we ird;$(x).smali");
        Files.writeString(odd, "x\nneedle\n");
        SearchCommand cmd = new SearchCommand(out);
        Map<String, String> env = new HashMap<>();
        env.put("EDITOR", "'" + editor + "'");
        cmd.env = env;
        assertThat(run(cmd, "--edit", "--sort", "path", "needle", dir.toString())).isZero();
        assertThat(Files.readAllLines(log)).containsExactly("+2", dir.resolve("a.smali").toString(), odd.toString());
    }

    @Test
    void editWithNothingToOpenSaysSo() {
        SearchCommand cmd = new SearchCommand(out);
        cmd.env = Map.of("EDITOR", "/bin/false");
        assertThat(run(cmd, "--edit", "absent", dir.toString())).isEqualTo(ExitCode.NO_MATCH.code());
        assertThat(err.toString()).contains("nothing to open");
    }

    @Test
    void jsonAndStats() {
        assertThat(run("--json", "needle", dir.toString())).isZero();
        assertThat(stdout()).contains("\"type\":\"match\"").contains("\"type\":\"summary\"");
        out.reset();
        assertThat(run("--stats", "needle", dir.toString())).isZero();
        assertThat(stdout()).contains("Files Searched: 2\nFiles Matched: 1\nMatching Lines: 1\nMatches: 1\nLines Searched: 3\n");
    }

    @Test
    void registeredInMain() {
        CommandLine cl = Main.newCommandLine();
        assertThat(cl.getSubcommands()).containsKey("search");
    }

    @Test
    void countWithOnlyMatchingOrMultilineCountsAsRipgrepDoes() throws Exception {
        // Expected values are rg 13's output on the same files.
        Files.writeString(dir.resolve("c.txt"), "eee\nxe\nfoo\n");
        String c = dir.resolve("c.txt").toString();
        assertThat(run("-c", "e", c)).isEqualTo(ExitCode.OK.code());
        assertThat(stdout()).isEqualTo("2\n");
        out.reset();
        assertThat(run("-c", "-o", "e", c)).isEqualTo(ExitCode.OK.code());
        assertThat(stdout()).as("rg: -c with -o is --count-matches").isEqualTo("4\n");
        out.reset();
        assertThat(run("-c", "-U", "e", c)).isEqualTo(ExitCode.OK.code());
        assertThat(stdout()).as("rg: -U with a pattern that cannot match a newline counts lines").isEqualTo("2\n");
        out.reset();
        Files.writeString(dir.resolve("g.txt"), "foo\nfoo foo\nfoo\nbar\nfoo\nfoo\n");
        String g = dir.resolve("g.txt").toString();
        assertThat(run("-c", "-U", "foo\\nfoo", g)).isEqualTo(ExitCode.OK.code());
        assertThat(stdout()).as("rg: -U with a pattern that can match a newline counts matches, not lines (5)"
                + " nor blocks of matches sharing a line (2)").isEqualTo("3\n");
    }
    @Test
    void multilineAsRipgrepDoes() throws Exception {
        // Expected values are rg 13's output on the same files.
        Files.writeString(dir.resolve("g.txt"), "foo\nfoo foo\nfoo\nbar\nfoo\nfoo\n");
        String g = dir.resolve("g.txt").toString();
        // A group or flag, \x6f or \S cannot match a newline: -c still counts lines.
        for (String p : new String[] {"(?:o)", "(?i)o", "\\x6f", "\\S"}) {
            out.reset();
            assertThat(run("-c", "-U", p, g)).as(p).isEqualTo(ExitCode.OK.code());
            assertThat(stdout()).as(p).isEqualTo(p.equals("\\S") ? "6\n" : "5\n");
        }
        // A run of letters split by a newline is still found (the prefilter must not demand 3 in a row).
        Files.writeString(dir.resolve("m.txt"), "ab\ncd\n");
        out.reset();
        assertThat(run("-c", "-U", "[a-z]+\\n[a-z]", dir.resolve("m.txt").toString())).isEqualTo(ExitCode.OK.code());
        assertThat(stdout()).isEqualTo("1\n");
        // -U -v prints the lines no match touches.
        Files.writeString(dir.resolve("a.txt"), "eee\nxe\nfoo\n");
        out.reset();
        assertThat(run("-U", "-v", "e", dir.resolve("a.txt").toString())).isEqualTo(ExitCode.OK.code());
        assertThat(stdout()).isEqualTo("3:foo\n");
    }
}
