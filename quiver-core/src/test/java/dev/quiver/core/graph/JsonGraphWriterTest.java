package dev.quiver.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON graph: full signatures as ids, flags, one node or edge per line, invisible characters escaped. */
class JsonGraphWriterTest {
    private static final String ODD = "Lh/A\"b\\c<d>&\u202e\ud800\n\u0085;";

    private static Graph graph() {
        return new Graph(Graph.Kind.CALLS, "callers of " + ODD + "->m()V", List.of(ODD + "->m()V"), List.of(
                new Graph.Node(ODD + "->m()V", ODD, 0, Set.of(Graph.Flag.ROOT)),
                new Graph.Node("Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I", "Landroid/util/Log;", 1,
                        Set.of(Graph.Flag.EXTERNAL))),
                List.of(new Graph.Edge(ODD + "->m()V", "Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I",
                        List.of("static", "static/range"), 3, false)));
    }

    @Test
    void nodesAndEdgesWithFullSignaturesAndFlags() throws Exception {
        String text = JsonGraphWriter.writeToString(graph());
        JsonNode j = new ObjectMapper().readTree(text);
        assertThat(j.get("graph").asText()).isEqualTo("calls");
        assertThat(j.get("roots").get(0).asText()).isEqualTo(ODD + "->m()V");
        JsonNode log = j.get("nodes").get(0);
        assertThat(log.get("id").asText()).isEqualTo("Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I");
        assertThat(log.get("label").asText()).isEqualTo("Log.d(String, String)");
        assertThat(log.get("package").asText()).isEqualTo("android.util");
        assertThat(log.get("external").asBoolean()).isTrue();
        assertThat(log.get("root").asBoolean()).isFalse();
        assertThat(log.get("depth").asInt()).isEqualTo(1);
        JsonNode odd = j.get("nodes").get(1);
        assertThat(odd.get("id").asText()).isEqualTo(ODD + "->m()V"); // the exact value, lone surrogate included
        assertThat(odd.get("root").asBoolean()).isTrue();
        JsonNode e = j.get("edges").get(0);
        assertThat(e.get("from").asText()).isEqualTo(ODD + "->m()V");
        assertThat(e.get("kinds")).hasSize(2);
        assertThat(e.get("sites").asInt()).isEqualTo(3);
        assertThat(e.get("dispatch").asBoolean()).isFalse();
    }

    @Test
    void invisibleCharactersAreEscapedAndEachNodeAndEdgeIsOneLine() {
        String text = JsonGraphWriter.writeToString(graph());
        assertThat(text).doesNotContain("\u202e", "\ud800", "\u0085").contains("\\u202E", "\\uD800", "\\u0085", "\\n");
        assertThat(text.lines()).hasSize(8).allMatch(l -> l.startsWith("{") || l.startsWith("]") || l.startsWith("\""));
        assertThat(text).isEqualTo(JsonGraphWriter.writeToString(graph()));
    }

    @Test
    void emptyGraphsAreValidJson() throws Exception {
        String text = JsonGraphWriter.writeToString(new Graph(Graph.Kind.CLASSES, "t", List.of(), List.of(), List.of()));
        assertThat(text).isEqualTo("{\"graph\":\"classes\",\"title\":\"t\",\"roots\":[],\n\"nodes\":[],\n\"edges\":[]}\n");
        assertThat(new ObjectMapper().readTree(text).get("nodes")).isEmpty();
    }
}
