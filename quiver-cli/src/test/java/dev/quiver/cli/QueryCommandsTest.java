package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.Goldens;
import dev.quiver.core.TestApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of every query command and output format on the fixture app
 * ({@code quiver-core/src/test/resources/apps/analysis}): stdout, stderr and the exit code of each
 * case are compared with {@code src/test/resources/golden/queries/<case>.txt}
 * (regenerate with {@code -Dgolden.update=true}, then review the diff).
 */
class QueryCommandsTest {
    private static final String SEND = "Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;"
            + "Ljava/lang/String;Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V";

    @TempDir
    static Path tmp;
    static Path db;

    @BeforeAll
    static void build() throws Exception {
        db = TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("a.db"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("classes-extends", "classes", "--extends", "Lcom/q/Base;"),
                c("classes-extends-direct-json", "classes", "--extends", "Lcom/q/Base", "--direct", "--json"),
                c("classes-implements-csv", "classes", "--implements", "com.q.Task", "--csv",
                        "--columns", "class,superclass,interfaces"),
                c("classes-implements-table", "classes", "--implements", "Lcom/q/Task;", "--table"),
                c("classes-underscore-is-literal", "classes", "Under_score", "--columns", "class"),
                c("classes-flags-count", "classes", "--flags", "public !abstract", "--count"),
                c("classes-sort-limit", "classes", "--sort", "class:desc", "--limit", "3", "--columns", "class,path"),
                c("methods-sort-desc-offset", "methods", "--sort", "line:desc,name", "-n", "2", "--offset", "1",
                        "--columns", "method,line"),
                c("methods-glob", "methods", "Lcom/q/Chain;->*", "--columns", "method,flags,line,last_line"),
                c("methods-ignore-case-unicode", "methods", "-i", "--name", "ÑAME", "--json"),
                c("methods-where", "methods", "--where", "registers=>2", "--columns", "method,registers"),
                c("fields-static", "fields", "--flags", "static", "--table"),
                c("strings-underscore-percent", "strings", "a_b%c", "--columns", "value,method"),
                c("strings-regex", "strings", "--regex", "^[a-z]+$", "--csv"),
                c("calls-exact-callee", "calls", "--callee", "Lcom/q/Crypto;->encrypt([B)[B", "--exact",
                        "--columns", "caller,kind,line"),
                c("calls-json", "calls", "--target-class", "Landroid/telephony/SmsManager;", "--exact", "--json"),
                c("field-refs-framework", "field-refs", "--target-class", "Landroid/os/Build;", "--exact", "--table"),
                c("field-refs-writes", "field-refs", "--access", "write", "--columns", "method,field,kind"),
                c("type-refs", "type-refs", "--type", "Ldalvik/system/DexClassLoader;", "--csv"),
                c("xref-callers-depth0-paths", "xref", SEND, "--callers", "--depth", "0", "--paths", "--table"),
                c("xref-callers-json", "xref", SEND, "--depth", "2", "--paths", "--json"),
                c("xref-overloads-note", "xref", "Lcom/q/Crypto;->encrypt", "--csv"),
                c("xref-dispatch", "xref", "Lcom/q/Impl;->run()V", "--dispatch", "--table"),
                c("xref-callees-dispatch", "xref", "Lcom/q/Users;->useTask(Lcom/q/Task;)V", "--callees", "--dispatch",
                        "--depth", "2", "--columns", "depth,method,dispatch,defined,ref"),
                c("xref-exclude", "xref", SEND, "--depth", "0", "--exclude", "Lcom/q/Impl;", "--columns", "depth,method"),
                c("xref-readers-framework-field", "xref", "Landroid/os/Build;->SERIAL:Ljava/lang/String;", "--readers"),
                c("xref-writers", "xref", "Lcom/q/Device;->count:I", "--writers", "--json"),
                c("xref-string", "xref", "--string", "https://evil.example/api?x=1", "--json"),
                c("xref-type-users", "xref", "Ldalvik/system/DexClassLoader;", "--users", "--table"),
                c("xref-paths", "xref", "--from", "*->onReceive(*", "--to", SEND, "--table"),
                c("xref-paths-json", "xref", "--from", "Lcom/q/Users;->useTask(Lcom/q/Task;)V", "--to", SEND,
                        "--dispatch", "--json"),
                c("xref-no-path", "xref", "--from", "Lcom/q/Users;->useTask(Lcom/q/Task;)V", "--to", SEND),
                c("xref-no-callers", "xref", "Lcom/q/Users;->useTask(Lcom/q/Task;)V"),
                c("sql", "sql", "SELECT kind, count(*) AS n FROM calls GROUP BY kind ORDER BY kind", "--table"),
                c("sql-json", "sql", "SELECT descriptor, duplicate FROM classes WHERE descriptor GLOB '*Sub*'", "--json"),
                c("error-sql-write", "sql", "DELETE FROM classes"),
                c("error-bad-regex", "strings", "--regex", "a(b"),
                c("error-unknown-column", "methods", "--columns", "method,nope"),
                c("error-unknown-method", "xref", "Lcom/q/Crypto;->encrypt(I)[B"),
                c("error-malformed-signature", "xref", "Lcom/q/Crypto->encrypt(I)V"),
                c("error-field-needs-direction", "xref", "Lcom/q/Device;->count:I"),
                c("error-bad-number", "methods", "--where", "line=ten"),
                c("error-unknown-app", "classes", "--app", "com.nope"),
                c("error-two-formats", "classes", "--json", "--csv"));
    }

    private static Arguments c(String name, String... args) {
        return Arguments.of(name, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGolden(String name, String[] args) {
        Goldens.assertMatches(getClass(), "queries", name + ".txt", Cli.transcript(args, 1, db, tmp));
    }

    @Test
    void aMissingOrForeignDatabaseIsAClearError() throws Exception {
        Cli missing = Cli.run("classes", "--db", tmp.resolve("none.db").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("quiver: error: no index at " + tmp.resolve("none.db")
                + " (create one with 'quiver parse APP -o " + tmp.resolve("none.db") + "', or give another with --db)\n");
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello, not a database\n");
        Cli foreign = Cli.run("methods", "--db", text.toString());
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.err()).contains("neither a Quiver database nor a Quiver JSON index");
        assertThat(Files.exists(tmp.resolve("none.db"))).isFalse();
    }

    @Test
    void aJsonIndexIsAcceptedWhereverADatabaseIs() throws Exception {
        Path json = tmp.resolve("a.json");
        assertThat(Cli.run("parse", TestApps.tree(TestApps.ANALYSIS, tmp.resolve("json-src")).toString(),
                "--format", "json", "-o", json.toString(), "-q").exit()).isZero();
        Cli fromJson = Cli.run("xref", "--db", json.toString(), SEND, "--depth", "0", "--columns", "depth,method");
        Cli fromDb = Cli.run("xref", "--db", db.toString(), SEND, "--depth", "0", "--columns", "depth,method");
        assertThat(fromJson.exit()).isZero();
        assertThat(fromJson.out()).isEqualTo(fromDb.out());
    }
}
