package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
    @TempDir
    Path tmp;
    Path tree;

    private static String cls(String d, String s) {
        return ".class public " + d + "\n.super Ljava/lang/Object;\n.method public m()V\n  .registers 2\n"
                + "  const-string v0, \"" + s + "\"\n  invoke-static {v0}, Lcom/Log;->d(Ljava/lang/String;)V\n"
                + "  sget-object v1, Lcom/Cfg;->url:Ljava/lang/String;\n  check-cast v1, Ljava/lang/String;\n"
                + "  return-void\n.end method\n";
    }

    @BeforeEach
    void tree() throws Exception {
        tree = tmp.resolve("app");
        Files.createDirectories(tree.resolve("com/a"));
        Files.writeString(tree.resolve("Root.smali"), cls("LRoot;", "root"));
        Files.writeString(tree.resolve("com/a/B.smali"), cls("Lcom/a/B;", "b"));
        Files.writeString(tree.resolve("com/a/C.smali"), cls("Lcom/a/C;", "c"));
    }

    private JsonNode stats(Path db) throws Exception {
        Cli r = Cli.run("stats", "--db", db.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void parseThenStatsJson() throws Exception {
        Path db = tmp.resolve("app.db");
        Cli r = Cli.run("parse", tree.toString(), "-o", db.toString(), "-j", "2");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK.code());
        assertThat(r.out()).contains("3 files, 3 classes, 3 methods, 0 fields, 3 calls, 3 strings, 3 field refs, "
                + "3 type refs, 0 problems");
        JsonNode s = stats(db);
        for (String key : new String[] {"classes", "methods", "calls", "strings", "field_refs", "type_refs"}) {
            assertThat(s.get(key).asLong()).as(key).isEqualTo(3);
        }
        assertThat(s.get("fields").asLong()).isZero();
        assertThat(s.get("problems").asLong()).isZero();
        assertThat(s.get("input_list").get(0).get("path").asText()).isEqualTo(tree.toAbsolutePath().toString());
    }

    @Test
    void problemsGiveExitCodeThreeAndAreShown() throws Exception {
        Files.writeString(tree.resolve("com/a/Bad.smali"), ".class public LBad;\n.method m()V\n  frobnicate v0\n");
        Path db = tmp.resolve("p.db");
        Cli r = Cli.run("parse", tree.toString(), "-o", db.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.COMPLETED_WITH_PROBLEMS.code()).isEqualTo(3);
        assertThat(r.err()).contains("problem: com/a/Bad.smali:3: [syntax] unknown instruction 'frobnicate'")
                .contains("com/a/Bad.smali:3: [truncated]");
        assertThat(stats(db).get("problems").asLong()).isEqualTo(2);
        assertThat(stats(db).get("classes").asLong()).isEqualTo(4);
    }

    @Test
    void missingInputIsAnErrorAndWritesNothing() {
        Path db = tmp.resolve("never.db");
        Cli r = Cli.run("parse", tmp.resolve("nope").toString(), "-o", db.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.ERROR.code());
        assertThat(r.err()).contains("quiver: error:").contains("nope").contains("no such file or directory");
        assertThat(db).doesNotExist();
    }

    @Test
    void unknownFileTypeIsAClearError() throws Exception {
        Path txt = Files.writeString(tmp.resolve("notes.txt"), "hello");
        Cli r = Cli.run("parse", txt.toString(), "-o", tmp.resolve("x.db").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.ERROR.code());
        assertThat(r.err()).contains("not an input Quiver can read");
    }

    @Test
    void emptyTreeIsAProblemNotASilentSuccess() throws Exception {
        // smalisca issue #8: a wrong suffix or folder gave "no results" and nothing else.
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli r = Cli.run("parse", empty.toString(), "-o", tmp.resolve("e.db").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.COMPLETED_WITH_PROBLEMS.code());
        assertThat(r.err()).contains("[empty] no file ending in .smali in");
    }

    @Test
    void jsonFormatDefaultsToAJsonFileName() {
        assertThat(ParseOptions.output(null, dev.quiver.core.Indexer.Format.JSON)).hasToString("quiver.json");
        assertThat(ParseOptions.output(null, dev.quiver.core.Indexer.Format.SQLITE)).hasToString("quiver.db");
        assertThat(ParseOptions.output(Path.of("x.out"), dev.quiver.core.Indexer.Format.JSON)).hasToString("x.out");
    }

    @Test
    void smaliscaParserCommandLineStillWorks() throws Exception {
        Path db = tmp.resolve("compat.db");
        Cli r = Cli.run("parser", "-l", tree.toString(), "-s", "smali", "-f", "sqlite", "-o", db.toString(),
                "-j", "1", "-d", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        // -d 3 is accepted but never drops files (smalisca skipped Root.smali and com/ here).
        assertThat(stats(db).get("classes").asLong()).isEqualTo(3);
        Path json = tmp.resolve("compat.json");
        r = Cli.run("parser", "-l", tree.toString(), "-s", ".smali", "-f", "json", "-o", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(stats(json).get("strings").asLong()).isEqualTo(3);
    }

    @Test
    void appendKeepsBothInputs() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("X.smali"), cls("LX;", "x"));
        Path db = tmp.resolve("both.db");
        assertThat(Cli.run("parse", tree.toString(), "-o", db.toString()).exit()).isZero();
        Cli r = Cli.run("parse", other.toString(), "-o", db.toString(), "--append");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("appended to");
        JsonNode s = stats(db);
        assertThat(s.get("inputs").asLong()).isEqualTo(2);
        assertThat(s.get("classes").asLong()).isEqualTo(4);
    }

    @Test
    void appendWithJsonIsAUsageError() {
        Cli r = Cli.run("parse", tree.toString(), "--format", "json", "--append", "-o", tmp.resolve("a.json").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.ERROR.code());
        assertThat(r.err()).contains("--append works only with --format sqlite");
    }

    @Test
    void statsOnAMissingDatabaseFailsWithoutCreatingIt() {
        Path db = tmp.resolve("missing.db");
        Cli r = Cli.run("stats", "--db", db.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.ERROR.code());
        assertThat(r.err()).contains("missing.db").contains("create one with 'quiver parse");
        assertThat(db).doesNotExist();
    }

    @Test
    void statsHumanTableListsEveryTable() throws Exception {
        Path db = tmp.resolve("h.db");
        Cli.run("parse", tree.toString(), "-o", db.toString());
        Cli r = Cli.run("stats", "--db", db.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("classes\\s+3\n").containsPattern("calls\\s+3\n")
                .contains("input 1  smali  " + tree.toAbsolutePath());
    }

    @Test
    void helpDocumentsExitCodes() {
        Cli r = Cli.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Exit codes:").contains("  3  completed with problems").contains("parse")
                .contains("stats");
        for (String sub : new String[] {"parse", "parser", "stats"}) {
            Cli help = Cli.run(sub, "--help");
            assertThat(help.out()).as(sub).contains("Exit codes:").contains("  3  completed with problems");
            assertThat(Cli.run(sub, "--version").out()).as(sub).startsWith("quiver ");
        }
    }

    @Test
    void crlfTreeParsesCleanly() throws Exception {
        Files.write(tree.resolve("Crlf.smali"), cls("LCrlf;", "crlf").replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Path db = tmp.resolve("c.db");
        Cli r = Cli.run("parse", tree.toString(), "-o", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(stats(db).get("classes").asLong()).isEqualTo(4);
    }

    @Test
    void aRunBuildsOnlyItsOwnSubcommandButHelpListsThemAll() {
        assertThat(Main.commandLineFor("search", "-F", "x").getSubcommands()).containsOnlyKeys("search");
        assertThat(Main.commandLineFor("parse", "--help").getSubcommands()).containsOnlyKeys("parse");
        assertThat(Main.commandLineFor("--help").getSubcommands()).containsKeys("parse", "parser", "search",
                "stats", "classes", "methods", "fields", "strings", "calls", "field-refs", "type-refs", "xref", "sql");
        assertThat(Main.commandLineFor("nonsense").getSubcommands()).hasSameSizeAs(Main.newCommandLine().getSubcommands());
    }
}
