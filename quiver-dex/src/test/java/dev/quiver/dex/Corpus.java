package dev.quiver.dex;

import dev.quiver.core.TestTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real corpus as {@link TestTrees#corpus} finds it; a test that needs it is skipped when it is missing. */
final class Corpus {
    private Corpus() {
    }

    /** The corpus directory; skips the calling test when there is none. */
    static Path dir() {
        Path p = TestTrees.corpus();
        Assumptions.assumeTrue(Files.isDirectory(p), () -> "no corpus at " + p + " (set QUIVER_CORPUS)");
        return p;
    }
}
