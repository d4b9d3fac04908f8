package dev.quiver.core.pipeline;

import dev.quiver.core.model.ClassDef;
import dev.quiver.core.model.Manifest;
import dev.quiver.core.model.MethodDef;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * The one engine: a walker thread enumerates units into a bounded queue, N worker threads read them,
 * and the calling thread hands the results to the {@link IndexSink} strictly in enumeration order.
 *
 * <ul>
 *   <li>End of stream is explicit: the walker sends one end marker per worker, each worker forwards
 *       one, and the sink stops after N of them. No timeouts, no polling.</li>
 *   <li>An {@link Exception} while reading a unit becomes a {@link Problem} and the run goes on;
 *       an {@link Error} (out of memory, ...) stops the whole run and is rethrown here.</li>
 *   <li>Memory is bounded: at most {@code inFlight} units exist between the walker and the sink,
 *       including finished units waiting for a slower predecessor.</li>
 *   <li>{@code jobs == 1} runs everything on the calling thread; output is identical for every
 *       {@code jobs}, because the sink always sees the same order.</li>
 * </ul>
 */
public final class IndexPipeline {
    /** One input to index and the format that reads it. */
    public record Input(Path path, String displayPath, InputFormat format) {
    }

    /** Source bytes (in KiB) that may be between the walker and the sink at once. */
    private static final int IN_FLIGHT_KIB = 128 * 1024;

    private final int jobs;
    private final ProgressListener progress;

    public IndexPipeline(int jobs, ProgressListener progress) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
        }
        this.jobs = jobs;
        this.progress = progress;
    }

    /**
     * Indexes every input into {@code sink} (without committing it) and returns the totals. An input whose
     * SHA-256 equals that of an earlier input of this run is the same file again: it is skipped (with a
     * note), not indexed twice.
     */
    public RunSummary run(List<Input> inputs, IndexSink sink) throws IOException, InterruptedException {
        Totals totals = new Totals(System.nanoTime());
        List<Path> paths = new ArrayList<>();
        for (Input input : inputs) {
            paths.add(input.path());
        }
        Map<String, String> seenDigests = new HashMap<>();
        Set<Long> seenSizes = new HashSet<>();
        try (Digests digests = new Digests(paths)) {
            for (int i = 0; i < inputs.size(); i++) {
                Input input = inputs.get(i);
                long size = sizeOf(input.path());
                if (size >= 0 && seenSizes.contains(size)) {
                    // Only a file of the same size can be the same file: wait for this digest before reading.
                    String earlier = seenDigests.get(digests.get(i).sha256());
                    if (earlier != null) {
                        totals.duplicates++;
                        progress.note(input.displayPath() + ": the same file (SHA-256) as " + earlier + "; skipped");
                        continue;
                    }
                }
                sink.beginInput(input.displayPath(), input.format().name());
                totals.inputs++;
                totals.lastPath = null;
                long bytesBefore = totals.bytes;
                Stage stage = new Stage(sink, totals);
                if (jobs == 1) {
                    runSequential(input, stage);
                } else {
                    runParallel(input, stage);
                }
                Digests.Digest d = digests.get(i);
                if (size >= 0) {
                    seenSizes.add(size);
                }
                if (d.sha256() != null) {
                    seenDigests.putIfAbsent(d.sha256(), input.displayPath());
                }
                long bytes = d.sha256() != null ? d.bytes() : totals.bytes - bytesBefore;
                sink.describe(new InputInfo(bytes, d.sha256(), stage.manifest));
                sink.endInput();
            }
        }
        return totals.summary();
    }

    /** The size of a regular file, else -1 (a directory; a file the format will report as unreadable). */
    private static long sizeOf(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private void runSequential(Input input, Stage stage) throws IOException, InterruptedException {
        try {
            enumerateSequential(input, stage);
        } catch (SinkFailure e) {
            throw e.getCause();
        }
    }

    private void enumerateSequential(Input input, Stage stage) throws IOException, InterruptedException {
        input.format().enumerate(input.path(), new UnitConsumer() {
            @Override
            public void expect(long units, long bytes) {
                try {
                    stage.expect(units, bytes);
                } catch (IOException e) {
                    throw new SinkFailure(e);
                }
            }

            @Override
            public void manifest(Manifest manifest) {
                stage.manifest = manifest;
            }

            @Override
            public void accept(WorkUnit unit) throws InterruptedException {
                ParsedUnit parsed = readSafely(unit);
                try {
                    stage.write(parsed, stage.sink.prepare(parsed), unit.size());
                } catch (IOException e) {
                    throw new SinkFailure(e);
                }
            }
        });
    }

    private void runParallel(Input input, Stage stage) throws IOException, InterruptedException {
        // The window between walker and sink: wide enough that the sink never waits for a unit the
        // workers have not started (with 4 * jobs + 16 it idled 3 s of 10 on the framework), and
        // bounded in units and in source bytes so that memory stays flat whatever the files' sizes.
        Semaphore permits = new Semaphore(64 * jobs + 64);
        Semaphore bytePermits = new Semaphore(IN_FLIGHT_KIB);
        BlockingQueue<Task> work = new ArrayBlockingQueue<>(2 * jobs + 4);
        // Results are bounded by the permits, so this queue never grows past inFlight + jobs.
        BlockingQueue<Result> results = new LinkedBlockingQueue<>();
        long[] enumerated = {-1}; // written by the walker, read after join()

        Thread walker = new Thread(() -> {
            long[] next = {0};
            try {
                input.format().enumerate(input.path(), new UnitConsumer() {
                    @Override
                    public void expect(long units, long bytes) {
                        results.add(new Result(Result.EXPECT, units, null, bytes, null));
                    }

                    @Override
                    public void manifest(Manifest manifest) {
                        results.add(new Result(Result.MANIFEST, -1, null, 0, null, manifest));
                    }

                    @Override
                    public void accept(WorkUnit unit) throws InterruptedException {
                        permits.acquire();
                        bytePermits.acquire(kib(unit.size()));
                        work.put(new Task(next[0]++, unit));
                    }
                });
                enumerated[0] = next[0];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                results.add(new Result(Result.FAILED, -1, null, 0, t));
            } finally {
                for (int i = 0; i < jobs; i++) {
                    try {
                        work.put(Task.END);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }, "quiver-walk");

        List<Thread> workers = new ArrayList<>(jobs);
        for (int i = 0; i < jobs; i++) {
            workers.add(new Thread(() -> {
                try {
                    while (true) {
                        Task task = work.take();
                        if (task == Task.END) {
                            results.add(Result.END_MARKER);
                            return;
                        }
                        ParsedUnit parsed = readSafely(task.unit());
                        Object prepared = stage.sink.prepare(parsed);
                        results.add(new Result(Result.UNIT, task.seq(), parsed, task.unit().size(), null, null,
                                prepared));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable t) {
                    // An Error (or a bug outside readSafely): stop the run instead of hanging it.
                    results.add(new Result(Result.FAILED, -1, null, 0, t));
                }
            }, "quiver-parse-" + (i + 1)));
        }

        walker.setDaemon(true);
        walker.start();
        for (Thread w : workers) {
            w.setDaemon(true);
            w.start();
        }

        boolean ok = false;
        try {
            Map<Long, Result> pending = new HashMap<>();
            long next = 0;
            int ended = 0;
            while (ended < jobs) {
                Result r = results.take();
                switch (r.type) {
                    case Result.END -> ended++;
                    case Result.EXPECT -> stage.expect(r.seq, r.size);
                    case Result.MANIFEST -> stage.manifest = r.manifest;
                    case Result.FAILED -> throw rethrow(r.failure);
                    case Result.UNIT -> {
                        pending.put(r.seq, r);
                        Result ready;
                        while ((ready = pending.remove(next)) != null) {
                            stage.write(ready.unit, ready.prepared, ready.size);
                            permits.release();
                            bytePermits.release(kib(ready.size));
                            next++;
                        }
                    }
                    default -> throw new IllegalStateException("unknown result type " + r.type);
                }
            }
            if (!pending.isEmpty()) {
                throw new IllegalStateException("pipeline lost unit " + next + " (" + pending.size() + " waiting)");
            }
            walker.join();
            if (enumerated[0] != next) {
                throw new IllegalStateException("pipeline wrote " + next + " of " + enumerated[0] + " units");
            }
            ok = true;
        } finally {
            if (!ok) {
                walker.interrupt();
                workers.forEach(Thread::interrupt);
            }
        }
    }

    /** Byte permits for a unit: its size in KiB, at most the whole budget (a huge unit then runs alone). */
    private static int kib(long bytes) {
        return (int) Math.min(IN_FLIGHT_KIB, Math.max(1, bytes >> 10));
    }

    private static ParsedUnit readSafely(WorkUnit unit) {
        try {
            return unit.read();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            String what = e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage()
                    : e.getClass().getName();
            return ParsedUnit.failed(unit.path(), unit.size(),
                    new Problem(Problem.Kind.INTERNAL, unit.path(), 0, "could not read this unit: " + what));
        }
    }

    private static RuntimeException rethrow(Throwable t) throws IOException {
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof SinkFailure s) {
            throw s.getCause();
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        throw new IOException(t.getMessage(), t);
    }

    /** An IOException from the sink, carried through {@link UnitConsumer#accept}, which cannot throw it. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private record Task(long seq, WorkUnit unit) {
        static final Task END = new Task(-1, null);
    }

    private static final class Result {
        static final int UNIT = 0;
        static final int END = 1;
        static final int FAILED = 2;
        static final int EXPECT = 3;
        static final int MANIFEST = 4;
        static final Result END_MARKER = new Result(END, -1, null, 0, null);

        final int type;
        final long seq;
        final ParsedUnit unit;
        final long size;
        final Throwable failure;
        final Manifest manifest;
        /** What {@link IndexSink#prepare} made of the unit on its worker. */
        final Object prepared;

        Result(int type, long seq, ParsedUnit unit, long size, Throwable failure) {
            this(type, seq, unit, size, failure, null);
        }

        Result(int type, long seq, ParsedUnit unit, long size, Throwable failure, Manifest manifest) {
            this(type, seq, unit, size, failure, manifest, null);
        }

        Result(int type, long seq, ParsedUnit unit, long size, Throwable failure, Manifest manifest,
                Object prepared) {
            this.type = type;
            this.seq = seq;
            this.unit = unit;
            this.size = size;
            this.failure = failure;
            this.manifest = manifest;
            this.prepared = prepared;
        }
    }

    /** The sink side: duplicate detection, counting, progress. Runs on one thread. */
    private final class Stage {
        private final IndexSink sink;
        private final Totals totals;
        /** Class descriptor to "path:line" of its first definition in this input. */
        private final Map<String, String> firstDefinition = new HashMap<>();
        /** The input's manifest, when its format reported one. */
        Manifest manifest;

        Stage(IndexSink sink, Totals totals) {
            this.sink = sink;
            this.totals = totals;
        }

        void expect(long units, long bytes) throws IOException {
            sink.expect(units, bytes);
            totals.expectedUnits += units;
            totals.expectedBytes += bytes;
            progress.expected(totals.expectedUnits, totals.expectedBytes);
        }

        /** @param size the unit's {@link WorkUnit#size()}: what progress is measured in */
        void write(ParsedUnit unit, Object prepared, long size) throws IOException {
            ParsedUnit checked = flagDuplicates(unit);
            sink.accept(checked, prepared);
            totals.add(checked);
            totals.progressBytes += size;
            checked.problems().forEach(progress::problem);
            progress.written(totals.units, totals.progressBytes);
        }

        private ParsedUnit flagDuplicates(ParsedUnit unit) {
            List<Problem> extra = null;
            for (ClassDef c : unit.classes()) {
                String here = unit.path() + (c.line() > 0 ? ":" + c.line() : "");
                String first = firstDefinition.putIfAbsent(c.descriptor(), here);
                if (first != null) {
                    if (extra == null) {
                        extra = new ArrayList<>(unit.problems());
                    }
                    extra.add(new Problem(Problem.Kind.DUPLICATE_CLASS, unit.path(), c.line(),
                            "class " + c.descriptor() + " is also defined at " + first + "; both are kept"));
                }
            }
            return extra == null ? unit
                    : new ParsedUnit(unit.path(), unit.bytes(), unit.lines(), unit.classes(), extra);
        }
    }

    private static final class Totals {
        final long start;
        long expectedUnits;
        long expectedBytes;
        long units;
        long progressBytes;
        long files;
        String lastPath;
        long bytes;
        long lines;
        long classes;
        long methods;
        long fields;
        long calls;
        long strings;
        long fieldRefs;
        long typeRefs;
        long problems;
        long inputs;
        long duplicates;

        Totals(long start) {
            this.start = start;
        }

        void add(ParsedUnit u) {
            units++;
            if (!u.path().equals(lastPath)) {
                files++;
                lastPath = u.path();
            }
            bytes += u.bytes();
            lines += u.lines();
            problems += u.problems().size();
            for (ClassDef c : u.classes()) {
                classes++;
                fields += c.fields().size();
                methods += c.methods().size();
                for (MethodDef m : c.methods()) {
                    calls += m.calls().size();
                    strings += m.strings().size();
                    fieldRefs += m.fieldAccesses().size();
                    typeRefs += m.typeRefs().size();
                }
            }
        }

        RunSummary summary() {
            double seconds = (System.nanoTime() - start) / 1e9;
            return new RunSummary(units, files, bytes, lines, classes, methods, fields, calls, strings, fieldRefs,
                    typeRefs, problems, seconds, inputs, 0, duplicates);
        }
    }
}
