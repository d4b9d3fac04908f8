package dev.quiver.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.core.query.Index;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** A server on a free loopback port over one index, and a client for it: what every HTTP test uses. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Index index;
    final WebServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TestServer(Path db, long timeoutMillis) throws Exception {
        index = Index.open(db);
        server = WebServer.start(index, new WebServer.Config("127.0.0.1", 0, timeoutMillis));
    }

    TestServer(Path db) throws Exception {
        this(db, 10_000);
    }

    /** An answer: status, headers and body. */
    record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Reply get(String pathAndQuery) throws Exception {
        return send("GET", pathAndQuery);
    }

    Reply send(String method, String pathAndQuery) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
        b = method.equals("GET") ? b.GET() : b.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers(), r.body());
    }

    /** GET, expecting 200, as JSON. */
    JsonNode json(String pathAndQuery) throws Exception {
        Reply r = get(pathAndQuery);
        if (r.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    /** The raw HTTP/1.1 exchange for a request line and headers written as given (no client normalising). */
    String raw(String requestLine, String... headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.uri().getPort())) {
            s.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder(requestLine).append("\r\n");
            boolean host = false;
            for (String h : headers) {
                req.append(h).append("\r\n");
                host |= h.toLowerCase(java.util.Locale.ROOT).startsWith("host:");
            }
            if (!host) {
                req.append("Host: 127.0.0.1\r\n");
            }
            req.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        server.close();
        index.close();
    }
}
