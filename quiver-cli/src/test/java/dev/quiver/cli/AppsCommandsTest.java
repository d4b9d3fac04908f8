package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.Goldens;
import dev.quiver.core.TestApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code apps}, {@code manifest}, {@code remove} and {@code xref --from-entry-points} on the fixture app with a
 * manifest ({@code quiver-core/src/test/resources/apps/manifest}); printed output is compared with
 * {@code src/test/resources/golden/apps/<case>.txt} (regenerate with {@code -Dgolden.update=true}).
 */
class AppsCommandsTest {
    private static final String SEND = "Landroid/telephony/SmsManager;->sendTextMessage";

    @TempDir
    static Path tmp;
    static Path db;

    @BeforeAll
    static void build() throws Exception {
        db = TestApps.database(TestApps.MANIFEST, tmp, tmp.resolve("m.db"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("apps-table", "apps", "--table", "--columns", "id,kind,package,version_name,min_sdk,target_sdk,classes"),
                c("apps-json", "apps", "--json"),
                c("manifest-table", "manifest", "--table"),
                c("manifest-exported", "manifest", "--exported", "--table"),
                c("manifest-json", "manifest", "--json"),
                c("entry-points-paths", "xref", "--from-entry-points", "--to", SEND, "--table"),
                c("entry-points-exported-callbacks", "xref", "--from-entry-points", "--exported", "--callbacks", "--to",
                        SEND, "--table"),
                c("entry-points-json", "xref", "--from-entry-points", "--exported", "--callbacks", "--to", SEND,
                        "--json"),
                c("entry-points-tsv", "xref", "--from-entry-points", "--exported", "--to", "Lcom/m/Util;->log()V"),
                c("entry-points-no-path", "xref", "--from-entry-points", "--exported", "--to",
                        "Lcom/m/HiddenService;->onStartCommand(Landroid/content/Intent;II)I"),
                c("error-exported-alone", "xref", "--exported", "--to", SEND),
                c("error-callbacks-without-paths", "xref", SEND, "--callbacks"),
                c("error-unknown-app", "manifest", "--app", "com.nope"));
    }

    private static Arguments c(String name, String... args) {
        return Arguments.of(name, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGolden(String name, String[] args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.add(1, "--db");
        full.add(2, db.toString());
        Cli r = Cli.run(full.toArray(new String[0]));
        String text = "$ quiver " + String.join(" ", args) + "\n" + r.out()
                + (r.err().isEmpty() ? "" : "--- stderr\n" + r.err()) + "--- exit " + r.exit() + "\n";
        Goldens.assertMatches(getClass(), "apps", name + ".txt", text.replace(tmp.toString(), "$TMP"));
    }

    @Test
    void appendingTheSameTreeReplacesItAndRemoveDeletesIt() throws Exception {
        Path tree = TestApps.tree(TestApps.MANIFEST, tmp.resolve("again"));
        Path copy = tmp.resolve("copy.db");
        assertThat(Cli.run("parse", tree.toString(), "-o", copy.toString(), "-q").exit()).isZero();
        Cli again = Cli.run("parse", tree.toString(), "-o", copy.toString(), "--append", "-j", "1");
        assertThat(again.exit()).isZero();
        assertThat(again.err()).isEqualTo("note: " + tree + " replaces input 1 (same path)\n");
        assertThat(Cli.run("apps", "--db", copy.toString(), "--columns", "id,package").out()).isEqualTo("2\tcom.m\n");

        Cli ambiguous = Cli.run("remove", "nope", "--db", copy.toString());
        assertThat(ambiguous.exit()).isEqualTo(2);
        assertThat(ambiguous.err()).startsWith("quiver: error: no app 'nope' in ");
        Cli removed = Cli.run("remove", "com.m", "--db", copy.toString());
        assertThat(removed.exit()).isZero();
        assertThat(removed.out()).isEqualTo("removed input 2 (com.m, " + tree + ") from " + copy + "\n");
        assertThat(Cli.run("apps", "--db", copy.toString()).exit()).isEqualTo(1);
        assertThat(Cli.run("remove", "1", "--db", tmp.resolve("none.db").toString()).err())
                .isEqualTo("quiver: error: no database at " + tmp.resolve("none.db") + "\n");
    }

    @Test
    void aFolderOfSamplesIsOneInputPerSampleAndTheRestIsCounted() throws Exception {
        Path samples = tmp.resolve("samples");
        TestApps.tree(TestApps.MANIFEST, samples.resolve("app-smali"));
        TestApps.tree(TestApps.ANALYSIS, samples.resolve("other/analysis-smali"));
        Files.writeString(samples.resolve("notes.txt"), "not code");
        Files.writeString(samples.resolve("other/readme.md"), "not code");
        Files.write(samples.resolve("other/x.dex"), dexHeader());
        Path out = tmp.resolve("samples.db");

        Cli r = Cli.run("parse", samples.toString(), "-o", out.toString(), "-j", "2");

        assertThat(r.out()).contains(": 3 inputs, ").contains("skipped 2 files that are not Android code");
        assertThat(Cli.run("apps", "--db", out.toString(), "--columns", "id,kind,path").out().replace(tmp.toString(),
                "$TMP")).isEqualTo("1\tsmali\t$TMP/samples/app-smali\n2\tsmali\t$TMP/samples/other/analysis-smali\n"
                + "3\tdex\t$TMP/samples/other/x.dex\n");
    }

    @Test
    void aDatabaseOfAnOlderSchemaSaysHowToRebuildIt() throws Exception {
        Path old = tmp.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)");
            st.execute("INSERT INTO meta VALUES ('schema_version', '1')");
            st.execute("CREATE TABLE inputs (id INTEGER PRIMARY KEY, path TEXT, kind TEXT)");
            st.execute("INSERT INTO inputs VALUES (1, '/apps/one smali', 'smali'), (2, '/apps/two.apk', 'apk')");
        }
        Cli r = Cli.run("classes", "--db", old.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("quiver: error: " + old + " has schema version 1; this Quiver reads version 2: "
                + "build it again with 'quiver parse \"/apps/one smali\" /apps/two.apk -o " + old + "'\n");
        Cli append = Cli.run("parse", tmp.resolve("old.db").toString(), "-o", old.toString(), "--append");
        assertThat(append.exit()).isEqualTo(2);
    }

    /** A file that starts like a DEX (an empty one is a problem, not a crash). */
    private static byte[] dexHeader() {
        byte[] b = new byte[0x70];
        System.arraycopy("dex\n035\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, b, 0, 8);
        return b;
    }
}
