package dev.quiver.core.graph;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Runs one of the graph writers into a string (for goldens, tests and small answers). */
final class GraphText {
    /** A writer of graphs: {@link DotWriter#write} or {@link JsonGraphWriter#write}. */
    interface Body {
        void write(Graph g, Writer out) throws IOException;
    }

    private GraphText() {
    }

    static String of(Graph g, Body body) {
        StringWriter w = new StringWriter();
        try {
            body.write(g, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }
}
