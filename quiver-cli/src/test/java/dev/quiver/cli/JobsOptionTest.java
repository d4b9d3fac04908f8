package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One {@code -j} for every command that runs threads: the same names, values and errors. */
class JobsOptionTest {
    @TempDir
    Path tmp;

    private Path tree() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("app/com/q"));
        Files.writeString(dir.resolve("A.smali"), ".class public Lcom/q/A;\n.super Ljava/lang/Object;\n"
                + ".method public a()V\n    .registers 1\n    const-string v0, \"needle\"\n    return-void\n.end method\n");
        return tmp.resolve("app");
    }

    /** Search writes its matches straight to a stream, not through picocli's writer. */
    private static String search(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cl = new CommandLine(new SearchCommand(out));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cl.execute(args)).as(String.join(" ", args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyNameAndZeroMeanTheSameInSearch() throws Exception {
        String app = tree().toString();
        String expected = search("-j", "1", "needle", app);
        assertThat(expected).contains("needle");
        assertThat(search("-j", "0", "needle", app)).isEqualTo(expected);
        assertThat(search("--jobs", "2", "needle", app)).isEqualTo(expected);
        assertThat(search("--threads", "3", "needle", app)).isEqualTo(expected);
        assertThat(search("-j4", "needle", app)).isEqualTo(expected);
    }

    @Test
    void parseAcceptsTheSameNames() throws Exception {
        Path app = tree();
        for (String name : new String[] {"-j", "--jobs", "--threads"}) {
            Cli r = Cli.run("parse", app.toString(), "-o", tmp.resolve(name + ".db").toString(), name, "2", "-q");
            assertThat(r.err()).as(name).isEmpty();
            assertThat(r.exit()).as(name).isZero();
        }
    }

    @Test
    void outOfRangeIsAUsageErrorNamingTheRange() throws Exception {
        Path app = tree();
        for (String[] args : new String[][] {{"search", "-j", "-1", "needle", app.toString()},
                {"parse", app.toString(), "-o", tmp.resolve("x.db").toString(), "-j", "257"},
                {"parser", "-l", app.toString(), "-o", tmp.resolve("y.db").toString(), "-j", "-3"}}) {
            Cli r = Cli.run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains("-j must be between 1 and 256 (0 = one per core), was ");
        }
    }
}
