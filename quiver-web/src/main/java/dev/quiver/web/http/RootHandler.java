package dev.quiver.web.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.RowJson;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The one Jetty handler: every request passes the same gate (GET or HEAD only, no body, the Host
 * check, the security headers), then gets a UI file or an API answer. API requests run under a
 * fresh {@link Deadline} each, at most {@link #concurrency} at a time (the index's connection
 * pool); every failure becomes JSON {@code {"status","message"}}.
 */
public final class RootHandler extends Handler.Abstract {
    private final Router router;
    private final StaticFiles files;
    private final long timeoutMillis;
    private final Set<String> allowedHosts;
    private final Semaphore permits;
    private final int concurrency;

    /**
     * @param allowedHosts host names the Host header may carry (DNS rebinding protection), or null
     *                     to accept any (a server bound to a non-loopback address on request)
     */
    public RootHandler(Router router, StaticFiles files, long timeoutMillis, Set<String> allowedHosts, int concurrency) {
        this.router = router;
        this.files = files;
        this.timeoutMillis = timeoutMillis;
        this.allowedHosts = allowedHosts;
        this.concurrency = concurrency;
        this.permits = new Semaphore(concurrency, true);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpFields.Mutable h = response.getHeaders();
        Headers.secure(h);
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        try {
            if (!"GET".equals(method) && !head) {
                h.put(HttpHeader.ALLOW, "GET, HEAD");
                throw new HttpError(405, "method " + Params.shorten(method) + " not allowed: this server is read-only "
                        + "(GET and HEAD only)");
            }
            checkHost(request);
            if (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
                throw new HttpError(413, "requests to this server have no body");
            }
            String path = Request.getPathInContext(request);
            if (path.startsWith("/api/")) {
                api(request, response, callback, path, head);
                return true;
            }
            StaticFiles.File f = files.get(path);
            if (f == null) {
                throw HttpError.notFound("no page " + Params.shorten(path) + " (the UI is at /, the API at /api/)");
            }
            h.put(HttpHeader.ETAG, f.etag());
            h.put(HttpHeader.CACHE_CONTROL, "no-cache");
            String inm = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
            if (f.etag().equals(inm)) {
                response.setStatus(304);
                response.write(true, null, callback);
                return true;
            }
            send(response, callback, 200, f.type(), f.bytes(), head);
        } catch (HttpError e) {
            error(response, callback, e.status(), e.getMessage(), head);
        } catch (RuntimeException e) {
            internal(request, e);
            error(response, callback, 500, "internal error (see the server's output)", head);
        }
        return true;
    }

    private void api(Request request, Response response, Callback callback, String path, boolean head) {
        HttpFields.Mutable h = response.getHeaders();
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        Router.Match m = router.find(path);
        if (m == null) {
            error(response, callback, 404, "no API endpoint " + Params.shorten(path) + " (see /api/openapi.json)", head);
            return;
        }
        Deadline deadline = Deadline.in(timeoutMillis);
        boolean acquired = false;
        try {
            Params params = new Params(query(request));
            acquired = permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
            if (!acquired) {
                throw new HttpError(503, "the server is busy (" + concurrency + " questions running); try again");
            }
            Call call = new Call(path, m.vars(), params, deadline);
            m.route().endpoint().handle(call);
            if (call.body() == null) {
                throw new IllegalStateException("endpoint " + m.route().pattern() + " wrote no answer");
            }
            for (Map.Entry<String, String> e : call.headers().entrySet()) {
                h.put(e.getKey(), e.getValue());
            }
            send(response, callback, call.status(), "application/json; charset=utf-8", call.body(), head);
        } catch (HttpError e) {
            error(response, callback, e.status(), e.getMessage(), head);
        } catch (QueryException e) {
            HttpError x = HttpError.of(e);
            if (x.status() >= 500 && e.kind() != QueryException.Kind.TIMEOUT) {
                internal(request, e);
            }
            error(response, callback, x.status(), x.getMessage(), head);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(response, callback, 503, "the server is stopping", head);
        } catch (Exception | StackOverflowError e) {
            internal(request, e);
            error(response, callback, 500, "internal error (see the server's output)", head);
        } finally {
            if (acquired) {
                permits.release();
            }
        }
    }

    /** The query parameters; bad percent-encoding is a 400. */
    private static Map<String, List<String>> query(Request request) throws HttpError {
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw HttpError.badRequest("malformed query string: " + e.getMessage());
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Fields.Field f : fields) {
            out.put(f.getName(), f.getValues());
        }
        return out;
    }

    /**
     * A server bound to loopback answers only requests addressed to a loopback name: a web page
     * from elsewhere cannot rebind its own host name to 127.0.0.1 and read the API.
     */
    private void checkHost(Request request) throws HttpError {
        if (allowedHosts == null) {
            return;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host == null) {
            return;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            name = end > 0 ? name.substring(0, end + 1) : name;
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        if (!allowedHosts.contains(name)) {
            throw new HttpError(403, "host '" + Params.shorten(host) + "' not allowed: this server answers to "
                    + String.join(", ", new java.util.TreeSet<>(allowedHosts)) + " only (DNS rebinding protection)");
        }
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body, boolean head) {
        response.setStatus(status);
        HttpFields.Mutable h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, type);
        h.put(new HttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length)));
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
    }

    /** Writes {@code {"status":…,"message":…}}. */
    static void error(Response response, Callback callback, int status, String message, boolean head) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        send(response, callback, status, "application/json; charset=utf-8", errorJson(status, message), head);
    }

    /** The JSON body of an error. */
    public static byte[] errorJson(int status, String message) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = RowJson.generator(w)) {
            g.writeStartObject();
            g.writeNumberField("status", status);
            g.writeStringField("message", message == null ? "" : message);
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void internal(Request request, Throwable e) {
        System.err.println("quiver serve: internal error on " + request.getMethod() + " "
                + Request.getPathInContext(request) + ": " + e);
        if (System.getenv("QUIVER_DEBUG") != null) {
            e.printStackTrace();
        }
    }
}
