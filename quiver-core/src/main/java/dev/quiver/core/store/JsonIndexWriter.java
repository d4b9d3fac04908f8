package dev.quiver.core.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.pipeline.IndexSink;
import dev.quiver.core.pipeline.InputInfo;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the index as JSON Lines (format in docs/SCHEMA.md): a header line, then one line per input
 * start, per parsed unit (the model records as they are) and per input end. {@link JsonIndexReader}
 * replays it into any sink, so a JSON index works wherever a database is expected.
 */
public final class JsonIndexWriter implements IndexSink {
    static final String FORMAT = "quiver-index";
    static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final AtomicOutput output;
    private final OutputStream out;
    private InputInfo info = InputInfo.NONE;

    public JsonIndexWriter(Path target) throws IOException {
        this.output = new AtomicOutput(target, false);
        OutputStream o = null;
        try {
            o = new BufferedOutputStream(Files.newOutputStream(output.temp()), 1 << 16);
            this.out = o;
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("format", FORMAT);
            header.put("version", Schema.VERSION);
            line(header);
        } catch (IOException e) {
            if (o != null) {
                o.close();
            }
            output.close();
            throw e;
        }
    }

    @Override
    public void beginInput(String path, String kind) throws IOException {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("path", path);
        input.put("kind", kind);
        line(Map.of("input", input));
    }

    @Override
    public void accept(ParsedUnit unit) throws IOException {
        line(Map.of("unit", unit));
    }

    @Override
    public void describe(InputInfo info) {
        this.info = info;
    }

    /** The end record carries the input's size, SHA-256 and manifest (each left out when unknown). */
    @Override
    public void endInput() throws IOException {
        Map<String, Object> end = new LinkedHashMap<>();
        if (info.bytes() != null) {
            end.put("bytes", info.bytes());
        }
        if (info.sha256() != null) {
            end.put("sha256", info.sha256());
        }
        if (info.manifest() != null) {
            end.put("manifest", info.manifest());
        }
        line(Map.of("endInput", end));
        info = InputInfo.NONE;
    }

    private void line(Object value) throws IOException {
        MAPPER.writeValue(out, value);
        out.write('\n');
    }

    @Override
    public void commit() throws IOException {
        out.close();
        output.commit();
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            output.close();
        }
    }
}
