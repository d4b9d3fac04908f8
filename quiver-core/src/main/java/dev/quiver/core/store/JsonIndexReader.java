package dev.quiver.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.pipeline.IndexSink;
import dev.quiver.core.pipeline.InputInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays a JSON index written by {@link JsonIndexWriter} into a sink.
 *
 * <p>Lines are decoded straight into the model records (no intermediate tree), on {@code threads}
 * threads when asked, while the calling thread feeds the sink in file order. At most
 * {@link #WINDOW} decoded lines wait for the sink, so memory stays bounded whatever the file size.
 */
public final class JsonIndexReader {
    /** Lines decoded ahead of the sink. */
    static final int WINDOW = 256;

    /** One line of the file: exactly one of the three members is present. */
    record Line(Input input, ParsedUnit unit, InputInfo endInput) {
    }

    record Input(String path, String kind) {
    }

    private static final ObjectReader LINE = JsonIndexWriter.MAPPER.readerFor(Line.class);

    private JsonIndexReader() {
    }

    /** Whether {@code file} starts like a JSON index (rather than a SQLite database). */
    public static boolean looksLikeJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
            return c == '{';
        }
    }

    /** Feeds every input and unit of {@code file} to {@code sink} (without committing it), on this thread. */
    public static void replay(Path file, IndexSink sink) throws IOException {
        replay(file, sink, 1);
    }

    /**
     * Feeds every input and unit of {@code file} to {@code sink} (without committing it), in file
     * order, decoding lines on {@code threads} threads (1: all on the calling thread).
     */
    public static void replay(Path file, IndexSink sink, int threads) throws IOException {
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            checkHeader(r.readLine(), file);
            Replay replay = new Replay(file, sink);
            ArrayDeque<Future<Decoded>> window = new ArrayDeque<>(WINDOW);
            int lineNo = 1;
            for (String text; (text = r.readLine()) != null; ) {
                lineNo++;
                if (text.isBlank()) {
                    continue;
                }
                String line = text;
                int no = lineNo;
                if (pool == null) {
                    replay.apply(decode(line, file, no));
                    continue;
                }
                window.add(pool.submit(() -> decode(line, file, no)));
                if (window.size() >= WINDOW) {
                    replay.apply(await(window.poll()));
                }
            }
            while (!window.isEmpty()) {
                replay.apply(await(window.poll()));
            }
            replay.finish();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** A decoded line and its line number in the file. */
    private record Decoded(int lineNo, Line line) {
    }

    /** Applies decoded lines to the sink, checking that inputs open and close in order. */
    private static final class Replay {
        private final Path file;
        private final IndexSink sink;
        private boolean open;

        Replay(Path file, IndexSink sink) {
            this.file = file;
            this.sink = sink;
        }

        void apply(Decoded decoded) throws IOException {
            Line line = decoded.line();
            String at = file + ":" + decoded.lineNo() + ": ";
            if (line.input() != null) {
                if (line.input().path() == null || line.input().kind() == null) {
                    throw new IOException(at + "an input record needs a path and a kind");
                }
                sink.beginInput(line.input().path(), line.input().kind());
                open = true;
            } else if (line.unit() != null) {
                if (!open) {
                    throw new IOException(at + "unit before any input");
                }
                sink.accept(line.unit());
            } else if (line.endInput() != null) {
                sink.describe(line.endInput());
                sink.endInput();
                open = false;
            } else {
                throw new IOException(at + "empty record");
            }
        }

        void finish() throws IOException {
            if (open) {
                throw new IOException(file + " is truncated: the last input has no end record");
            }
        }
    }

    private static void checkHeader(String first, Path file) throws IOException {
        if (first == null) {
            throw new IOException(file + " is empty");
        }
        JsonNode header;
        try {
            header = JsonIndexWriter.MAPPER.readTree(first);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ":1: invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (header == null || !JsonIndexWriter.FORMAT.equals(header.path("format").asText())) {
            throw new IOException(file + " is not a Quiver JSON index (no '" + JsonIndexWriter.FORMAT + "' header)");
        }
        int version = header.path("version").asInt();
        if (version != Schema.VERSION) {
            throw new IOException(file + " has index version " + version + "; this Quiver reads version "
                    + Schema.VERSION);
        }
    }

    private static Decoded decode(String line, Path file, int lineNo) throws IOException {
        String at = file + ":" + lineNo + ": ";
        try {
            Line l = LINE.readValue(line);
            if (l == null) {
                throw new IOException(at + "not a record: " + abbreviate(line));
            }
            return new Decoded(lineNo, l);
        } catch (UnrecognizedPropertyException e) {
            List<String> where = new ArrayList<>();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    where.add(ref.getFieldName());
                }
            }
            if (where.size() <= 1) {
                throw new IOException(at + "unknown record " + e.getPropertyName(), e);
            }
            throw new IOException(at + "unknown field " + e.getPropertyName() + " in "
                    + String.join(".", where.subList(0, where.size() - 1)), e);
        } catch (ValueInstantiationException e) {
            throw new IOException(at + "incomplete record: a " + e.getType().getRawClass().getSimpleName()
                    + " with a member missing or null", e);
        } catch (JsonProcessingException e) {
            throw new IOException(at + "invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    private static Decoded await(Future<Decoded> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a JSON index", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "quiver-json-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
