package dev.quiver.dex;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real corpus ({@code ../shared/corpus/fetch-corpus.sh}): the {@code quiver.corpus} property (surefire
 * sets it from {@code $QUIVER_CORPUS}), else {@code $QUIVER_CORPUS}, else {@code ~/.cache/quiver/corpus},
 * where {@code bin/test} and {@code bin/quickstart} put it; the same lookup as quiver-core's TestTrees.
 */
final class Corpus {
    private Corpus() {
    }

    /** The corpus directory; skips the calling test when there is none. */
    static Path dir() {
        String dir = System.getProperty("quiver.corpus", "");
        if (dir.isBlank() || dir.startsWith("${")) {
            dir = System.getenv().getOrDefault("QUIVER_CORPUS",
                    System.getProperty("user.home") + "/.cache/quiver/corpus");
        }
        Path p = Path.of(dir);
        Assumptions.assumeTrue(Files.isDirectory(p), () -> "no corpus at " + p + " (set QUIVER_CORPUS)");
        return p;
    }
}
