package dev.quiver.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.core.TestTrees;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.pipeline.IndexPipeline;
import dev.quiver.core.pipeline.ProgressListener;
import dev.quiver.core.smali.SmaliParser;
import dev.quiver.core.smali.SmaliTreeFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard threads (normally only for inputs over 32 MB of smali, 4 MB of DEX) forced on with a threshold of 0. */
class SqliteIndexWriterTest {
    @TempDir
    Path tmp;

    private void index(Path tree, SqliteIndexWriter w, int jobs) throws Exception {
        try (w) {
            new IndexPipeline(jobs, ProgressListener.NONE)
                    .run(List.of(new IndexPipeline.Input(tree, "tree", new SmaliTreeFormat())), w);
            w.commit();
        }
    }

    @Test
    void workersPreparingTheSameNewIdentitiesAtOnceShareOneRowEach() throws Exception {
        // prepare() runs on the parse workers: when several meet a new target at the same moment,
        // all must get the same slot, or the identity would be written twice.
        StringBuilder body = new StringBuilder();
        for (int t = 0; t < 20_000; t++) {
            body.append("    invoke-static {}, Lshared/T;->m").append(t).append("()V\n")
                    .append("    sget v0, Lshared/T;->f").append(t).append(":I\n");
        }
        int workers = 4;
        for (int round = 0; round < 3; round++) {
            List<ParsedUnit> units = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                String text = ".class public Lc/C" + i + ";\n.super Ljava/lang/Object;\n.method public run()V\n"
                        + "    .registers 1\n" + body + "    return-void\n.end method\n";
                units.add(new SmaliParser().parse("c/C" + i + ".smali", text.getBytes(StandardCharsets.UTF_8)));
            }
            Path db = tmp.resolve("race" + round + ".db");
            try (SqliteIndexWriter w = new SqliteIndexWriter(db, false)) {
                Object[] prepared = new Object[workers];
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < workers; i++) {
                    int k = i;
                    Thread t = new Thread(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        prepared[k] = w.prepare(units.get(k));
                    });
                    t.start();
                    threads.add(t);
                }
                go.countDown();
                for (Thread t : threads) {
                    t.join();
                }
                w.beginInput("race", "smali");
                for (int i = 0; i < workers; i++) {
                    w.accept(units.get(i), prepared[i]);
                }
                w.endInput();
                w.commit();
            }
            // 20,000 targets and 20,000 fields, each once, and the run() of each unit
            assertThat(TestTrees.count(db, "SELECT count(*) FROM method_ids")).isEqualTo(20_000 + workers);
            assertThat(TestTrees.count(db, "SELECT count(*) FROM field_ids")).isEqualTo(20_000);
            assertThat(TestTrees.count(db, "SELECT count(DISTINCT target_id) FROM calls")).isEqualTo(20_000);
            assertThat(TestTrees.count(db, "SELECT count(*) FROM calls")).isEqualTo(workers * 20_000L);
        }
    }

    private void assertShardedEqualsSingle(Path tree) throws Exception {
        Path single = tmp.resolve("single.db");
        Path sharded = tmp.resolve("sharded.db");
        index(tree, new SqliteIndexWriter(single, false, false), 1);
        index(tree, new SqliteIndexWriter(sharded, false, true, 0, 0), 2);
        List<String> a = TestTrees.dump(single);
        assertThat(TestTrees.dump(sharded)).containsExactlyElementsOf(a);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("single.db", "sharded.db",
                    tree.getFileName().toString());
        }
    }

    @Test
    void shardedWriterGivesTheSameDatabaseAsOneWriter() throws Exception {
        Path tree = tmp.resolve("tree");
        TestTrees.apktoolLikeTree(tree, 10, 30);
        TestTrees.write(tree, "bad/Bad.smali", ".class public LBad;\n.method m()V\n  nonsense\n");
        assertShardedEqualsSingle(tree);
    }

    @Test
    void shardedWriterOnARealApp() throws Exception {
        Path tree = TestTrees.corpus().resolve("multidex-smali");
        assumeTrue(Files.isDirectory(tree), "corpus not present");
        Path single = tmp.resolve("single.db");
        Path sharded = tmp.resolve("sharded.db");
        index(tree, new SqliteIndexWriter(single, false, false), 1);
        index(tree, new SqliteIndexWriter(sharded, false, true, 0, 0), 2);
        assertThat(TestTrees.dump(sharded)).containsExactlyElementsOf(TestTrees.dump(single));
    }

    @Test
    void anAbandonedShardedRunLeavesNoFiles() throws Exception {
        Path tree = tmp.resolve("tree");
        TestTrees.apktoolLikeTree(tree, 3, 3);
        Path out = Files.createDirectories(tmp.resolve("out"));
        try (SqliteIndexWriter w = new SqliteIndexWriter(out.resolve("x.db"), false, true, 0, 0)) {
            new IndexPipeline(2, ProgressListener.NONE)
                    .run(List.of(new IndexPipeline.Input(tree, "tree", new SmaliTreeFormat())), w);
            // no commit: as after a failure
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }
}
