package dev.quiver.web;

import dev.quiver.core.query.Index;
import dev.quiver.web.api.Api;
import dev.quiver.web.http.JsonErrorHandler;
import dev.quiver.web.http.RootHandler;
import dev.quiver.web.http.StaticFiles;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code quiver serve}'s server: Jetty's core HTTP server (no servlets) with one handler that
 * serves the UI from the jar and the read-only API over an open {@link Index}. Binds loopback
 * unless told otherwise; {@code port} 0 picks a free port ({@link #uri} says which).
 */
public final class WebServer implements AutoCloseable {
    /** Questions answered at once: the index's connection pool holds 8. */
    static final int CONCURRENCY = 8;
    /** Request line and headers together; API parameters are short. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    /**
     * How to serve.
     *
     * @param bind          the address to listen on ({@code 127.0.0.1}, {@code ::1}, {@code 0.0.0.0}, …)
     * @param port          the port; 0 for any free one
     * @param timeoutMillis each API question's time budget
     */
    public record Config(String bind, int port, long timeoutMillis) {
        public static final String LOOPBACK = "127.0.0.1";
    }

    /** The server could not start: the one-line reason (port in use, unknown address). */
    public static final class StartException extends IOException {
        private static final long serialVersionUID = 1L;

        StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Server server;
    private final URI uri;
    private final boolean loopback;

    private WebServer(Server server, URI uri, boolean loopback) {
        this.server = server;
        this.uri = uri;
        this.loopback = loopback;
    }

    /** Starts serving {@code index}; returns once the port is open. */
    public static WebServer start(Index index, Config config) throws StartException {
        InetAddress address;
        try {
            address = InetAddress.getByName(config.bind());
        } catch (UnknownHostException e) {
            throw new StartException("cannot listen on '" + config.bind() + "': not an address of this machine", e);
        }
        boolean loopback = address.isLoopbackAddress();
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("quiver-web");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        Set<String> hosts = loopback ? new java.util.HashSet<>(java.util.List.of("localhost", "127.0.0.1", "[::1]", host(address)))
                : null;
        Api api = new Api(index);
        server.setHandler(new RootHandler(api.router(), StaticFiles.load(), config.timeoutMillis(), hosts, CONCURRENCY));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(2_000);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new StartException(reason(config, e), e);
        }
        Thread warm = new Thread(api::warmUp, "quiver-web-warmup");
        warm.setDaemon(true);
        warm.start();
        int port = connector.getLocalPort();
        return new WebServer(server, URI.create("http://" + host(address) + ":" + port + "/"), loopback);
    }

    /** The address as it goes into a URL ({@code [::1]} for IPv6). */
    private static String host(InetAddress a) {
        String h = a.getHostAddress();
        return h.indexOf(':') >= 0 ? "[" + h.replaceFirst("%.*$", "") + "]" : h;
    }

    private static String reason(Config config, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException b) {
                String m = String.valueOf(b.getMessage());
                if (m.contains("in use")) {
                    return "port " + config.port() + " on " + config.bind() + " is in use; choose another with --port "
                            + "(--port 0 picks a free one)";
                }
                return "cannot listen on " + config.bind() + ":" + config.port() + ": " + m;
            }
        }
        return "cannot start the server on " + config.bind() + ":" + config.port() + ": " + e.getMessage();
    }

    /** The server's URL, with the port actually bound. */
    public URI uri() {
        return uri;
    }

    /** Whether it listens on a loopback address only. */
    public boolean loopback() {
        return loopback;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops accepting, lets running requests finish (2 s at most), and closes the port. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // the port is released by the JVM's exit in any case; nothing useful to report
        }
    }
}
