package dev.quiver.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.core.TestTrees;
import dev.quiver.core.pipeline.IndexPipeline;
import dev.quiver.core.pipeline.ProgressListener;
import dev.quiver.core.smali.SmaliTreeFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard threads (normally only for inputs over 64 MB) forced on with a threshold of 0. */
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
