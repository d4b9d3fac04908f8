package dev.quiver.web.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before the request reaches {@link RootHandler} (an ambiguous
 * path such as {@code /%2e%2e/}, headers too large, a malformed request line): the same JSON
 * shape and security headers as every other answer, never Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        Headers.secure(response.getHeaders());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        byte[] body = RootHandler.errorJson(code, message == null ? "error " + code : message);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Errors of the HTTP parser itself (headers too large, a malformed request line). Jetty 12.1
     * deprecates this hook for removal but still calls it, and nothing else reaches these answers.
     */
    @Override
    @SuppressWarnings("removal")
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        Headers.secure(fields);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        return ByteBuffer.wrap(RootHandler.errorJson(status, reason == null ? "bad request" : reason));
    }
}
