package dev.quiver.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.Indexer;
import dev.quiver.core.Indexer.Format;
import dev.quiver.core.pipeline.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real apps through both input paths: a corpus smali tree (baksmali's output) and the DEX or APK it was
 * disassembled from give the same database content, line numbers and source paths aside.
 */
class CorpusEquivalenceTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
            "small-smali, dex/AppiumBootstrap-classes.dex",
            "medium-smali, apk/ApiDemos-debug.apk",
            "multidex-smali, apk/settings_apk-debug.apk"})
    void smaliTreeAndItsOriginalGiveTheSameDatabase(String tree, String original) throws Exception {
        Path corpus = Corpus.dir();
        Path smali = corpus.resolve(tree);
        Path dex = corpus.resolve(original);
        Assumptions.assumeTrue(Files.isDirectory(smali) && Files.isRegularFile(dex), () -> "no " + tree);

        Path fromSmali = tmp.resolve("smali.db");
        Path fromDex = tmp.resolve("dex.db");
        Indexer.index(new Indexer.Request(List.of(smali), fromSmali, Format.SQLITE, false, 2, ".smali"),
                ProgressListener.NONE);
        Indexer.index(new Indexer.Request(List.of(dex), fromDex, Format.SQLITE, false, 2, ".smali"),
                ProgressListener.NONE);

        Map<String, List<String>> a = IndexContent.of(fromSmali);
        Map<String, List<String>> b = IndexContent.of(fromDex);
        assertThat(a.get("calls")).as("calls indexed from %s", tree).hasSizeGreaterThan(1000);
        assertThat(IndexContent.diff(a, b, 20)).as("%s (-) against %s (+)", tree, original).isEmpty();
    }
}
