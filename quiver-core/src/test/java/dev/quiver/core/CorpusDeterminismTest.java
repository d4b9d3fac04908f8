package dev.quiver.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.core.Indexer.Format;
import dev.quiver.core.pipeline.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** On real apps: one worker and several give the same database (logical dump), row for row. */
class CorpusDeterminismTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"small-smali", "multidex-smali"})
    void oneAndTwoWorkersGiveTheSameDatabase(String name) throws Exception {
        Path tree = TestTrees.corpus().resolve(name);
        assumeTrue(Files.isDirectory(tree), "corpus tree " + tree + " not present (set QUIVER_CORPUS)");
        Path one = tmp.resolve("one.db");
        Path two = tmp.resolve("two.db");
        Indexer.index(new Indexer.Request(List.of(tree), one, Format.SQLITE, false, 1, ".smali"), ProgressListener.NONE);
        Indexer.index(new Indexer.Request(List.of(tree), two, Format.SQLITE, false, 2, ".smali"), ProgressListener.NONE);
        List<String> a = TestTrees.dump(one);
        assertThat(a).hasSizeGreaterThan(1000);
        assertThat(TestTrees.dump(two)).containsExactlyElementsOf(a);
    }
}
