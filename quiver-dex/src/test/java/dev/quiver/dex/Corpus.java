package dev.quiver.dex;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real corpus ({@code ../shared/corpus/fetch-corpus.sh}), found through the {@code quiver.corpus} property. */
final class Corpus {
    private Corpus() {
    }

    /** The corpus directory; skips the calling test when it is not configured or missing. */
    static Path dir() {
        String dir = System.getProperty("quiver.corpus");
        Assumptions.assumeTrue(dir != null && !dir.isBlank() && !dir.startsWith("${"),
                "quiver.corpus is not set (QUIVER_CORPUS)");
        Path p = Path.of(dir);
        Assumptions.assumeTrue(Files.isDirectory(p), () -> "no corpus at " + p);
        return p;
    }
}
