// ParseOnly — the cost of reading inputs, without any writer: runs Quiver's IndexPipeline over the
// inputs with a sink that discards every unit, 3 rounds, and prints each round's wall time.
//
//   java -XX:+UseParallelGC -cp quiver-cli/target/quiver.jar bench/floors/ParseOnly.java JOBS INPUT...
//
// e.g. JOBS=1 over ~/.cache/quiver/corpus/dex/android-all-17/*.dex, then over .../large-smali
// (docs/BENCHMARKS.md, "The APK path"). Name DEX files one by one: folders of samples are expanded by
// the Indexer, not by the pipeline.
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.pipeline.IndexPipeline;
import dev.quiver.core.pipeline.IndexSink;
import dev.quiver.core.pipeline.InputFormats;
import dev.quiver.core.pipeline.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class ParseOnly {
    public static void main(String[] args) throws Exception {
        InputFormats formats = new InputFormats(".smali");
        List<IndexPipeline.Input> inputs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path p = Path.of(args[i]);
            inputs.add(new IndexPipeline.Input(p, p.toString(), formats.forPath(p)));
        }
        IndexSink discard = new IndexSink() {
            @Override
            public void beginInput(String path, String kind) {
            }

            @Override
            public void accept(ParsedUnit unit) {
            }

            @Override
            public void endInput() {
            }

            @Override
            public void commit() {
            }

            @Override
            public void close() {
            }
        };
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            new IndexPipeline(Integer.parseInt(args[0]), ProgressListener.NONE).run(inputs, discard);
            System.out.printf("round %d: %.2f s%n", round, (System.nanoTime() - t0) / 1e9);
        }
    }
}
