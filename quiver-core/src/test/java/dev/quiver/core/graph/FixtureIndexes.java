package dev.quiver.core.graph;

import dev.quiver.core.TestApps;
import dev.quiver.core.query.Index;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The graph tests' fixture apps, parsed once per test class and opened read-only. */
abstract class FixtureIndexes {
    @TempDir
    static Path tmp;
    static Index analysis;
    static Index graph;

    @BeforeAll
    static void open() throws Exception {
        analysis = Index.open(TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("a.db")));
        graph = Index.open(TestApps.database(TestApps.GRAPH, tmp, tmp.resolve("g.db")));
    }

    @AfterAll
    static void close() {
        analysis.close();
        graph.close();
    }

    /** The index of fixture app {@code app}. */
    static Index of(String app) {
        return app.equals(TestApps.GRAPH) ? graph : analysis;
    }
}
