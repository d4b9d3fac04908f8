package dev.quiver.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.Indexer;
import dev.quiver.core.Indexer.Format;
import dev.quiver.core.pipeline.ProgressListener;
import dev.quiver.core.query.Index;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The main check: for every real smali tree of the corpus, the row counts Quiver's indexer writes
 * equal what dexlib2 reports reading the original DEX/APK the tree was disassembled from.
 *
 * <p>The corpus directory comes from the system property {@code quiver.corpus} (surefire passes the
 * environment variable {@code QUIVER_CORPUS}); without it, or without a tree, the case is skipped.
 */
class CorpusExactnessTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "multidex", "large"})
    void smaliTreeCountsEqualDexlib2Counts(String tree) throws Exception {
        Path corpus = Corpus.dir();
        Path smali = corpus.resolve(tree + "-smali");
        Assumptions.assumeTrue(Files.isDirectory(smali), () -> "no " + smali);
        DexCounts dex = dexCountsFor(corpus, tree);

        Map<String, Long> quiver = quiverCounts(smali);
        // A smali tree holds one file per class type: when two DEX files of one APK define the same class,
        // baksmali writes one of them. dexlib2's classes are therefore counted by distinct type.
        Map<String, Long> expected = expected(dex, dex.distinctClasses());
        System.out.printf("%-9s dexlib2 %s (%d class defs in %d DEX files)%n%-9s quiver  %s%n", tree, expected,
                dex.classes(), dex.dexFiles(), tree, quiver);

        assertThat(quiver).as("Quiver's counts for %s-smali against dexlib2's", tree)
                .containsAllEntriesOf(expected);
    }

    /** Every APK under {@code corpus/apk}: the corpus's two and any other dropped in beside them. */
    static List<String> corpusApks() throws IOException {
        Path dir = dev.quiver.core.TestTrees.corpus().resolve("apk");
        if (!Files.isDirectory(dir)) {
            return List.of("ApiDemos-debug.apk"); // skipped below, with the reason
        }
        try (Stream<Path> apks = Files.list(dir)) {
            return apks.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".apk")).sorted().toList();
        }
    }

    /** The APK path itself: every class definition of every DEX in the APK, each instruction, no problem. */
    @ParameterizedTest
    @MethodSource("corpusApks")
    void apkCountsEqualDexlib2Counts(String name) throws Exception {
        Path apk = Corpus.dir().resolve("apk").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(apk), () -> "no " + apk);
        DexCounts dex = DexCounts.of(apk);

        assertThat(quiverCounts(apk)).as("Quiver's counts for %s against dexlib2's", name)
                .containsAllEntriesOf(expected(dex, dex.classes()));
    }

    /** The row counts of a database Quiver writes for {@code input} with {@code -j 2}. */
    private Map<String, Long> quiverCounts(Path input) throws Exception {
        Path db = tmp.resolve("counts.db");
        Files.deleteIfExists(db);
        Indexer.index(new Indexer.Request(List.of(input), db, Format.SQLITE, false, 2, ".smali"),
                ProgressListener.NONE);
        try (Index idx = Index.open(db)) {
            return idx.counts();
        }
    }

    /** What dexlib2 read, as Quiver's table names, with {@code classes} as the caller counts them. */
    private static Map<String, Long> expected(DexCounts dex, long classes) {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("classes", classes);
        expected.put("methods", dex.methods());
        expected.put("fields", dex.fields());
        expected.put("calls", dex.calls());
        expected.put("strings", dex.strings());
        expected.put("field_refs", dex.fieldRefs());
        expected.put("type_refs", dex.typeRefs());
        expected.put("problems", 0L);
        return expected;
    }

    /** The original each tree was disassembled from (see the corpus's SOURCES.md). */
    static DexCounts dexCountsFor(Path corpus, String tree) throws IOException {
        return switch (tree) {
            case "small" -> DexCounts.of(corpus.resolve("dex/AppiumBootstrap-classes.dex"));
            case "medium" -> DexCounts.of(corpus.resolve("apk/ApiDemos-debug.apk"));
            case "multidex" -> DexCounts.of(corpus.resolve("apk/settings_apk-debug.apk"));
            case "large" -> {
                try (Stream<Path> files = Files.list(corpus.resolve("dex/android-all-17"))) {
                    yield DexCounts.ofAll(files.filter(p -> p.getFileName().toString().matches("classes[0-9]*\\.dex"))
                            .sorted().toList());
                }
            }
            default -> throw new IllegalArgumentException(tree);
        };
    }
}
