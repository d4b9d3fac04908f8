package dev.quiver.core.store;

import static dev.quiver.core.TestTrees.dump;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.core.Indexer;
import dev.quiver.core.Indexer.Format;
import dev.quiver.core.TestTrees;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.pipeline.IndexSink;
import dev.quiver.core.pipeline.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonIndexReaderTest {
    @TempDir
    Path tmp;

    /** A JSON index of a tree of 301 classes, more lines than the decoding window, plus a file with a problem. */
    private Path jsonIndex() throws Exception {
        Path tree = tmp.resolve("tree");
        TestTrees.apktoolLikeTree(tree, 30, 10);
        TestTrees.write(tree, "z/Bad.smali", ".class public LBad;\n.super Ljava/lang/Object;\nnonsense\n");
        Path json = tmp.resolve("index.json");
        Indexer.index(new Indexer.Request(List.of(tree), json, Format.JSON, false, 2, ".smali"), ProgressListener.NONE);
        return json;
    }

    private Path replay(Path json, int threads) throws IOException {
        Path db = tmp.resolve("replay-" + threads + ".db");
        try (SqliteIndexWriter w = new SqliteIndexWriter(db, false)) {
            JsonIndexReader.replay(json, w, threads);
            w.commit();
        }
        return db;
    }

    @Test
    void decodingOnSeveralThreadsFeedsTheSinkInFileOrder() throws Exception {
        Path json = jsonIndex();
        List<String> one = dump(replay(json, 1));
        assertThat(one).anyMatch(row -> row.contains("LBad;"));
        assertThat(dump(replay(json, 3))).containsExactlyElementsOf(one);
        List<String> inline = new ArrayList<>();
        JsonIndexReader.replay(json, new RecordingSink(inline), 1);
        assertThat(inline).hasSize(304).startsWith("begin").endsWith("end").hasSizeGreaterThan(JsonIndexReader.WINDOW);
        List<String> parallel = new ArrayList<>();
        JsonIndexReader.replay(json, new RecordingSink(parallel), 2);
        assertThat(parallel).containsExactlyElementsOf(inline);
    }

    @Test
    void aBrokenLineIsReportedWithItsNumberWhateverTheThreads() throws Exception {
        Path json = jsonIndex();
        List<String> lines = new ArrayList<>(Files.readAllLines(json));
        lines.set(7, "{\"unit\": {\"path\": ");
        Files.write(json, lines);
        for (int threads : new int[] {1, 3}) {
            assertThatThrownBy(() -> JsonIndexReader.replay(json, new RecordingSink(new ArrayList<>()), threads))
                    .isInstanceOf(IOException.class).hasMessageContaining("index.json:8: invalid JSON");
        }
    }

    @Test
    void recordsOutOfPlaceOrUnknownAreErrors() throws Exception {
        String header = "{\"format\":\"quiver-index\",\"version\":" + Schema.VERSION + "}\n";
        String unit = "{\"unit\":{\"path\":\"a.smali\",\"bytes\":1,\"lines\":1,\"classes\":[],\"problems\":[]}}\n";
        String input = "{\"input\":{\"path\":\"/in\",\"kind\":\"smali\"}}\n";
        assertThat(failure(header + unit)).contains("f.json:2: unit before any input");
        // Blank lines after the bad record must not shift its number, however far decoding ran ahead.
        assertThat(failure(header + "\n" + unit + "\n\n\n" + input)).contains("f.json:3: unit before any input");
        assertThat(failure(header + input + "{\"surprise\":1}\n")).contains("f.json:3: unknown record surprise");
        assertThat(failure(header + input + unit.replace("\"bytes\"", "\"bogus\":1,\"bytes\"")))
                .contains("f.json:3: unknown field bogus in unit");
        assertThat(failure(header + input + "{\"unit\":{}}\n"))
                .contains("f.json:3: incomplete record: a ParsedUnit with a member missing or null");
        assertThat(failure(header + "{\"input\":{}}\n")).contains("f.json:2: an input record needs a path and a kind");
        assertThat(failure(header + input + "{}\n")).contains("f.json:3: empty record");
        assertThat(failure(header + input + "null\n")).contains("f.json:3: not a record: null");
        assertThat(failure(header + input + unit)).contains("f.json is truncated");
        assertThat(failure("")).contains("f.json is empty");
        assertThat(failure("{\"format\":\"other\"}\n")).contains("not a Quiver JSON index");
        assertThat(failure("{\"format\":\"quiver-index\",\"version\":99}\n")).contains("has index version 99");
    }

    /** The message replaying {@code content} fails with: the same with 1 and with 3 threads. */
    private String failure(String content) throws IOException {
        Path f = tmp.resolve("f.json");
        Files.writeString(f, content);
        String one = failure(f, 1);
        assertThat(failure(f, 3)).isEqualTo(one);
        return one;
    }

    private static String failure(Path f, int threads) {
        try {
            JsonIndexReader.replay(f, new RecordingSink(new ArrayList<>()), threads);
        } catch (IOException e) {
            return e.getMessage();
        }
        throw new AssertionError("no failure for " + f);
    }

    /** Records the order of calls: "begin", each unit's path, "end". */
    private record RecordingSink(List<String> calls) implements IndexSink {
        @Override
        public void beginInput(String path, String kind) {
            calls.add("begin");
        }

        @Override
        public void accept(ParsedUnit unit) {
            calls.add(unit.path());
        }

        @Override
        public void endInput() {
            calls.add("end");
        }

        @Override
        public void commit() {
        }

        @Override
        public void close() {
        }
    }
}
