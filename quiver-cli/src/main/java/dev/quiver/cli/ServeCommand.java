package dev.quiver.cli;

import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import dev.quiver.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quiver serve [DB]}: the web UI and the read-only REST API over an index, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve an index in the browser: search, code with every reference a link, callers and "
            + "callees, call and class graphs; and a read-only REST API (JSON, /api/openapi.json), "
            + "smalisca-compatible at /api/classes, /api/methods, ….",
            "",
            "Listens on 127.0.0.1 unless --bind says otherwise. The API has no authentication: bind another "
                + "address only on a network you trust. Ctrl-C stops it."},
        footerHeading = "%nExamples:%n",
        footer = {"  quiver serve app.db", "  quiver serve app.db --port 0 --open",
            "  curl -s 'http://127.0.0.1:8080/api/v1/xref/callers?spec=Ljavax/crypto/Cipher;->getInstance'"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DB", description = "The index to serve (default: quiver.db).")
    Path dbArg;

    @Option(names = "--db", paramLabel = "FILE", description = "The index to serve (the same as DB).")
    Path dbOption;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = WebServer.Config.LOOPBACK,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--open", description = "Open the UI in the default browser.")
    boolean open;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Time budget of each API question (default: ${DEFAULT-VALUE}); a slower one answers 503.")
    int timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dbArg != null && dbOption != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give the index as DB or with --db, not both");
        }
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        if (timeout < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        Path db = dbArg != null ? dbArg : dbOption != null ? dbOption : Path.of("quiver.db");
        Index index;
        try {
            index = Index.open(db);
        } catch (QueryException e) {
            err.println("quiver: error: " + e.getMessage());
            err.flush();
            return ExitCode.ERROR.code();
        }
        WebServer server;
        try {
            server = WebServer.start(index, new WebServer.Config(bind, port, timeout * 1000L));
        } catch (WebServer.StartException e) {
            index.close();
            err.println("quiver: error: " + e.getMessage());
            err.flush();
            return ExitCode.ERROR.code();
        }
        if (!server.loopback()) {
            err.println("quiver: warning: listening on " + bind + ": anyone who can reach this address can read the "
                    + "whole index; the API has no authentication");
            err.flush();
        }
        Thread stop = new Thread(() -> {
            server.close();
            index.close();
        }, "quiver-serve-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        out.println("Serving " + db + " at " + server.uri() + " (Ctrl-C to stop)");
        out.flush();
        if (open) {
            openBrowser(server.uri().toString(), err);
        }
        server.join();
        return ExitCode.OK.code();
    }

    /** Asks the desktop to open {@code url}; says so when it cannot (a server without a desktop). */
    private static void openBrowser(String url, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> cmd = os.contains("mac") ? List.of("open", url)
                : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            err.println("quiver: note: could not open a browser (" + cmd.get(0) + ": " + e.getMessage()
                    + "); open the URL above yourself");
            err.flush();
        }
    }
}
