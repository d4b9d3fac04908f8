package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A run killed half-way (SIGTERM runs the same shutdown hooks as Ctrl-C) leaves nothing behind. */
class InterruptedRunTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void interruptedParseLeavesThePreviousDatabaseAndNoTemporaryFiles() throws Exception {
        Path tree = tmp.resolve("tree");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            body.append("    invoke-static {}, Lcom/x/Y;->m").append(i).append("()V\n");
        }
        for (int i = 0; i < 6000; i++) {
            Path f = tree.resolve("p" + (i % 50) + "/C" + i + ".smali");
            Files.createDirectories(f.getParent());
            Files.writeString(f, ".class public Lp/C" + i + ";\n.super Ljava/lang/Object;\n.method public m()V\n"
                    + "    .registers 1\n" + body + "    return-void\n.end method\n");
        }
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path db = out.resolve("app.db");
        Files.writeString(db, "previous database");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "parse", tree.toString(), "-o", db.toString(), "-j", "2")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        // Wait until the run is writing its temporary database, then stop it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && !hasTemporaryFile(out) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the run must still be going when it is stopped").isTrue();
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readString(db)).isEqualTo("previous database");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("app.db");
        }
        assertThat(p.exitValue()).isEqualTo(143); // 128 + SIGTERM (Ctrl-C gives 130)
    }

    private static boolean hasTemporaryFile(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            return names.stream().anyMatch(n -> n.endsWith(".tmp"));
        }
    }


    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void outOfMemoryIsOneClearLineAndExitCodeTwo() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("big"));
        StringBuilder sb = new StringBuilder(".class public LBig;\n.super Ljava/lang/Object;\n.method public m()V\n"
                + "    .registers 1\n");
        while (sb.length() < 24 << 20) {
            sb.append("    const-string v0, \"").append("x".repeat(200)).append("\"\n");
        }
        Files.writeString(tree.resolve("Big.smali"), sb.append("    return-void\n.end method\n"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = tmp.resolve("oom.log");
        Process p = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "parse", tree.toString(), "-o", tmp.resolve("o.db").toString(), "-j", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isEqualTo(ExitCode.ERROR.code());
        assertThat(out).contains("quiver: fatal: out of memory").doesNotContain("\tat ");
        assertThat(tmp.resolve("o.db")).doesNotExist();
    }
}
