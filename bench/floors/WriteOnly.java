// WriteOnly — the cost of Quiver's SQLite writer alone, beside ParseOnly (the reading alone): reads
// the inputs into memory once (IndexPipeline, -j 2, every unit kept), then replays them ROUNDS times
// (-Drounds=3) into a SqliteIndexWriter on this one thread, and prints each round's wall time and this
// thread's CPU time (GC and JIT threads excluded, so it is steadier than a whole run's on a noisy machine).
//
//   java -Xmx10g -XX:+UseParallelGC -cp quiver-cli/target/quiver.jar bench/floors/WriteOnly.java \
//        PARALLEL OUT.db INPUT...
//
// PARALLEL=false writes every table on this thread (compare with bench/floors.sh's sqlite3 floor);
// true adds the writer's two shard threads. e.g. over ~/.cache/quiver/corpus/dex/android-all-17/*.dex
// (docs/BENCHMARKS.md, "The APK path"). The framework needs about 6 GB of heap for its units.
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.pipeline.IndexPipeline;
import dev.quiver.core.pipeline.IndexSink;
import dev.quiver.core.pipeline.InputFormats;
import dev.quiver.core.pipeline.ProgressListener;
import dev.quiver.core.store.SqliteIndexWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class WriteOnly {
    record Event(String path, String kind, ParsedUnit unit, long units, long bytes) {}

    public static void main(String[] args) throws Exception {
        boolean parallel = Boolean.parseBoolean(args[0]);
        Path out = Path.of(args[1]);
        int rounds = Integer.getInteger("rounds", 3);
        InputFormats formats = new InputFormats(".smali");
        List<IndexPipeline.Input> inputs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            Path p = Path.of(args[i]);
            inputs.add(new IndexPipeline.Input(p, p.toString(), formats.forPath(p)));
        }
        List<Event> events = new ArrayList<>();
        IndexSink keep = new IndexSink() {
            @Override public void beginInput(String path, String kind) { events.add(new Event(path, kind, null, -1, 0)); }
            @Override public void expect(long units, long bytes) { events.add(new Event(null, null, null, units, bytes)); }
            @Override public void accept(ParsedUnit unit) { events.add(new Event(null, null, unit, 0, 0)); }
            @Override public void endInput() { events.add(new Event(null, null, null, -2, 0)); }
            @Override public void commit() {}
            @Override public void close() {}
        };
        new IndexPipeline(2, ProgressListener.NONE).run(inputs, keep);
        System.gc();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            Files.deleteIfExists(out);
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            try (SqliteIndexWriter w = new SqliteIndexWriter(out, false, parallel)) {
                for (Event e : events) {
                    if (e.unit() != null) {
                        w.accept(e.unit());
                    } else if (e.path() != null) {
                        w.beginInput(e.path(), e.kind());
                    } else if (e.units() == -2) {
                        w.endInput();
                    } else if (e.units() >= 0) {
                        w.expect(e.units(), e.bytes());
                    }
                }
                w.commit();
            }
            System.out.printf("round %d: %.2f s wall, %.2f s CPU of this thread%n", round,
                    (System.nanoTime() - t0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
        }
    }
}
