package dev.quiver.core.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes a {@link Graph} as JSON for other tools:
 * <pre>
 * {"graph":"calls","title":…,"roots":[…],
 *  "nodes":[{"id":…,"label":…,"class":…,"package":…,"depth":…,"root":…,"external":…},…],
 *  "edges":[{"from":…,"to":…,"kinds":[…],"sites":…,"dispatch":…},…]}
 * </pre>
 * Node ids are the full signatures (class graphs: the type descriptors): stable across runs,
 * databases and graphs, so edges and other tools can refer to them. One node or edge per line;
 * the same graph gives the same bytes. Class graphs have {@code interface} instead of
 * {@code depth} (and {@code members}, the full signatures of the fields and methods, when asked for),
 * and edges without {@code sites} and {@code dispatch}. Strings keep their exact
 * value; unpaired surrogates and invisible format characters (bidi overrides) are written as
 * {@code \}{@code uXXXX} escapes so that the file is valid UTF-8 and shows no hidden text.
 */
public final class JsonGraphWriter {
    private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new VisibleEscapes());

    private JsonGraphWriter() {
    }

    /** {@code g} as a JSON text ending in a newline. */
    public static String writeToString(Graph g) {
        return GraphText.of(g, JsonGraphWriter::write);
    }

    /** Writes {@code g} to {@code out}. */
    public static void write(Graph g, Writer out) throws IOException {
        boolean calls = g.kind() == Graph.Kind.CALLS;
        Map<String, String> labels = Labels.of(g);
        out.write("{\"graph\":");
        out.write(calls ? "\"calls\"" : "\"classes\"");
        out.write(",\"title\":");
        value(out, g.title());
        out.write(",\"roots\":[");
        for (int i = 0; i < g.roots().size(); i++) {
            out.write(i == 0 ? "" : ",");
            value(out, g.roots().get(i));
        }
        out.write("],\n\"nodes\":[");
        String sep = "\n";
        for (Graph.Node n : g.nodes()) {
            out.write(sep);
            sep = ",\n";
            try (JsonGenerator j = generator(out)) {
                j.writeStartObject();
                j.writeStringField("id", n.id());
                j.writeStringField("label", labels.get(n.id()));
                j.writeStringField("class", n.type());
                j.writeStringField("package", Labels.packageName(n.type()));
                if (calls) {
                    j.writeNumberField("depth", n.depth());
                } else {
                    j.writeBooleanField("interface", n.is(Graph.Flag.INTERFACE));
                }
                j.writeBooleanField("root", n.is(Graph.Flag.ROOT));
                j.writeBooleanField("external", n.is(Graph.Flag.EXTERNAL));
                if (!n.members().isEmpty()) {
                    j.writeArrayFieldStart("members");
                    for (String m : n.members()) {
                        j.writeString(m);
                    }
                    j.writeEndArray();
                }
                j.writeEndObject();
            }
        }
        out.write(g.nodes().isEmpty() ? "],\n\"edges\":[" : "\n],\n\"edges\":[");
        sep = "\n";
        for (Graph.Edge e : g.edges()) {
            out.write(sep);
            sep = ",\n";
            try (JsonGenerator j = generator(out)) {
                j.writeStartObject();
                j.writeStringField("from", e.from());
                j.writeStringField("to", e.to());
                j.writeArrayFieldStart("kinds");
                for (String k : e.kinds()) {
                    j.writeString(k);
                }
                j.writeEndArray();
                if (calls) {
                    j.writeNumberField("sites", e.sites());
                    j.writeBooleanField("dispatch", e.dispatch());
                }
                j.writeEndObject();
            }
        }
        out.write(g.edges().isEmpty() ? "]}\n" : "\n]}\n");
    }

    private static void value(Writer out, String s) throws IOException {
        try (JsonGenerator j = generator(out)) {
            j.writeString(s);
        }
    }

    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator j = FACTORY.createGenerator(out);
        j.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return j;
    }

    /** Escapes, besides what JSON requires, the characters a reader of the file must not miss. */
    private static final class VisibleEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        VisibleEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Both halves of a pair are escaped too (a char comes without its neighbour); a JSON
            // reader joins two escaped halves back into the character.
            if (DotWriter.invisible((char) ch)) {
                return new SerializedString(String.format("\\u%04X", ch));
            }
            return null;
        }
    }
}
