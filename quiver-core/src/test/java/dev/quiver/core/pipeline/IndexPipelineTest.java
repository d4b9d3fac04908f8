package dev.quiver.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IndexPipelineTest {
    /** A format producing {@code n} units; unit {@code bad} behaves as {@code behaviour} says. */
    private static InputFormat format(int n, int bad, Runnable behaviour) {
        return new InputFormat() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public boolean accepts(Path input) {
                return true;
            }

            @Override
            public void enumerate(Path input, UnitConsumer out) throws InterruptedException {
                out.expect(n, n);
                for (int i = 0; i < n; i++) {
                    int k = i;
                    out.accept(new WorkUnit() {
                        @Override
                        public String path() {
                            return "u" + k;
                        }

                        @Override
                        public long size() {
                            return 1;
                        }

                        @Override
                        public ParsedUnit read() throws Exception {
                            if (k % 7 == 3) {
                                Thread.sleep(2); // finish out of order
                            }
                            if (k == bad) {
                                behaviour.run();
                            }
                            return new ParsedUnit("u" + k, 1, 1, List.of(), List.of());
                        }
                    });
                }
            }
        };
    }

    private static class Recorder implements IndexSink {
        final List<String> seen = new ArrayList<>();

        @Override
        public void beginInput(String path, String kind) {
            seen.add("begin " + path);
        }

        @Override
        public void accept(ParsedUnit unit) {
            seen.add(unit.path() + (unit.problems().isEmpty() ? "" : " " + unit.problems().get(0).kind()));
        }

        @Override
        public void endInput() {
            seen.add("end");
        }

        @Override
        public void commit() {
        }

        @Override
        public void close() {
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void unitsReachTheSinkInInputOrder(int jobs) throws Exception {
        Recorder r = new Recorder();
        RunSummary s = new IndexPipeline(jobs, ProgressListener.NONE)
                .run(List.of(new IndexPipeline.Input(Path.of("x"), "x", format(500, -1, () -> { }))), r);
        assertThat(s.units()).isEqualTo(500);
        assertThat(r.seen).hasSize(502);
        for (int i = 0; i < 500; i++) {
            assertThat(r.seen.get(i + 1)).isEqualTo("u" + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void anExceptionInOneUnitIsAProblemAndTheRunGoesOn(int jobs) throws Exception {
        Recorder r = new Recorder();
        RunSummary s = new IndexPipeline(jobs, ProgressListener.NONE).run(List.of(new IndexPipeline.Input(
                Path.of("x"), "x", format(50, 17, () -> {
                    throw new IllegalStateException("boom");
                }))), r);
        assertThat(s.units()).isEqualTo(50);
        assertThat(s.problems()).isEqualTo(1);
        assertThat(r.seen.get(18)).isEqualTo("u17 " + Problem.Kind.INTERNAL);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void anErrorInAWorkerStopsTheRunInsteadOfHangingIt(int jobs) {
        Recorder r = new Recorder();
        assertThatThrownBy(() -> new IndexPipeline(jobs, ProgressListener.NONE).run(List.of(new IndexPipeline.Input(
                Path.of("x"), "x", format(10_000, 1234, () -> {
                    throw new OutOfMemoryError("simulated");
                }))), r)).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
    }

    @Test
    void aFailingSinkStopsTheWorkers() {
        IndexSink failing = new Recorder() {
            @Override
            public void accept(ParsedUnit unit) {
                if (unit.path().equals("u40")) {
                    throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
                }
            }
        };
        assertThatThrownBy(() -> new IndexPipeline(2, ProgressListener.NONE)
                .run(List.of(new IndexPipeline.Input(Path.of("x"), "x", format(10_000, -1, () -> { }))), failing))
                .hasMessageContaining("disk full");
    }
}
