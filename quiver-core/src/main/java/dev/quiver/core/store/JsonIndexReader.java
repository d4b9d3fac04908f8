package dev.quiver.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.pipeline.IndexSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Replays a JSON index written by {@link JsonIndexWriter} into a sink. */
public final class JsonIndexReader {
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

    /** Feeds every input and unit of {@code file} to {@code sink} (without committing it). */
    public static void replay(Path file, IndexSink sink) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            JsonNode header = parse(first, file, 1);
            if (header == null || !JsonIndexWriter.FORMAT.equals(header.path("format").asText())) {
                throw new IOException(file + " is not a Quiver JSON index (no '" + JsonIndexWriter.FORMAT
                        + "' header)");
            }
            int version = header.path("version").asInt();
            if (version != Schema.VERSION) {
                throw new IOException(file + " has index version " + version + "; this Quiver reads version "
                        + Schema.VERSION);
            }
            boolean open = false;
            int lineNo = 1;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(line, file, lineNo);
                if (node.has("input")) {
                    sink.beginInput(node.get("input").path("path").asText(), node.get("input").path("kind").asText());
                    open = true;
                } else if (node.has("unit")) {
                    if (!open) {
                        throw new IOException(file + ":" + lineNo + ": unit before any input");
                    }
                    sink.accept(JsonIndexWriter.MAPPER.treeToValue(node.get("unit"), ParsedUnit.class));
                } else if (node.has("endInput")) {
                    sink.endInput();
                    open = false;
                } else {
                    throw new IOException(file + ":" + lineNo + ": unknown record " + node.fieldNames().next());
                }
            }
            if (open) {
                throw new IOException(file + " is truncated: the last input has no end record");
            }
        }
    }

    private static JsonNode parse(String line, Path file, int lineNo) throws IOException {
        if (line == null) {
            throw new IOException(file + " is empty");
        }
        try {
            return JsonIndexWriter.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ":" + lineNo + ": invalid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
