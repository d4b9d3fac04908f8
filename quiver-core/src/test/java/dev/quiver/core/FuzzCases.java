package dev.quiver.core;

import static org.assertj.core.api.Assertions.fail;

import dev.quiver.core.Indexer.Format;
import dev.quiver.core.pipeline.ProgressListener;
import dev.quiver.core.pipeline.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loop of the fuzz tests (smali, DEX, manifests): for each seed, a damaged input made by the
 * test is indexed into SQLite on a thread of its own; a hang fails the test at once, an exception or
 * error that escapes the indexer is collected with its seed. {@code -Dquiver.fuzz.cases=N} and
 * {@code -Dquiver.fuzz.seed=S} choose the cases.
 */
public final class FuzzCases {
    /** Longest a case may run. */
    public static final int SECONDS = 30;
    private static final long FIRST_SEED = 20261202L;

    /** Makes one damaged input from a seeded random source. */
    public interface Input {
        Path make(long seed, Random random) throws Exception;
    }

    private FuzzCases() {
    }

    /**
     * Runs {@code quiver.fuzz.cases} cases (default {@code defaultCases}); returns the seeds whose input
     * ended the run with an exception, each with it (empty when every case ended with problems at most).
     */
    public static List<String> run(int defaultCases, Path db, Input input) throws Exception {
        int cases = Integer.getInteger("quiver.fuzz.cases", defaultCases);
        long first = Long.getLong("quiver.fuzz.seed", FIRST_SEED);
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true); // a hung case must not keep the test JVM alive
            return t;
        });
        List<String> failures = new ArrayList<>();
        try {
            for (long seed = first; seed < first + cases; seed++) {
                Path file = input.make(seed, new Random(seed));
                Files.deleteIfExists(db);
                Future<RunSummary> run = runner.submit(() -> Indexer.index(
                        new Indexer.Request(List.of(file), db, Format.SQLITE, false, 1, ".smali"), ProgressListener.NONE));
                try {
                    run.get(SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    fail("seed " + seed + ": still running after " + SECONDS + " s");
                } catch (ExecutionException e) {
                    failures.add("seed " + seed + ": " + e.getCause());
                }
            }
        } finally {
            runner.shutdownNow();
        }
        return failures;
    }
}
