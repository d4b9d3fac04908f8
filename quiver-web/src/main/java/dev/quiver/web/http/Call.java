package dev.quiver.web.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.RowJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One API request as an endpoint sees it: its path variables, its parameters, the
 * {@link Deadline} every question it asks runs under, and the JSON answer it writes.
 */
public final class Call {
    private final String path;
    private final Map<String, String> vars;
    private final Params params;
    private final Deadline deadline;
    private int status = 200;
    private byte[] body;
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();

    Call(String path, Map<String, String> vars, Params params, Deadline deadline) {
        this.path = path;
        this.vars = vars;
        this.params = params;
        this.deadline = deadline;
    }

    /** A JSON body written with a streaming generator. */
    public interface Body {
        void write(JsonGenerator g) throws IOException, HttpError, dev.quiver.core.query.QueryException;
    }

    public String path() {
        return path;
    }

    public Params params() {
        return params;
    }

    public Deadline deadline() {
        return deadline;
    }

    /** The path variable {@code name} ({@code {id}} in the route) as a row id; 404 when it is not one. */
    public long id(String name) throws HttpError {
        String v = vars.get(name);
        try {
            long id = Long.parseLong(v);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw HttpError.notFound("no object '" + Params.shorten(v) + "' here: ids are whole numbers");
        }
    }

    /** Answers with {@code status} and the JSON that {@code b} writes. */
    public void json(int status, Body b) throws IOException, HttpError, dev.quiver.core.query.QueryException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8); JsonGenerator g = RowJson.generator(w)) {
            b.write(g);
        }
        this.status = status;
        this.body = out.toByteArray();
    }

    /** Answers 200 with the JSON that {@code b} writes. */
    public void json(Body b) throws IOException, HttpError, dev.quiver.core.query.QueryException {
        json(200, b);
    }

    /** Adds a response header (smalisca's {@code Link}). */
    public void header(String name, String value) {
        headers.put(name, value);
    }

    int status() {
        return status;
    }

    byte[] body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }
}
