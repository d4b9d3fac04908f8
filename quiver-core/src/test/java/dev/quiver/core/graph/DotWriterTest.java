package dev.quiver.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The DOT writer against attacker-made names: what Graphviz draws from it (run for real, SVG
 * parsed as XML) must be each name exactly, with invisible characters made visible, and nothing
 * else: no extra node, no element or attribute the names smuggle in.
 */
class DotWriterTest {
    /** Names that mean something to DOT, Graphviz labels, HTML/XML/SVG, terminals or UTF-16. */
    static final List<String> HOSTILE = List.of("a\"b", "a\\b", "end\\", "\\\"", "\"];\nevil [label=\"x", "\\n\\l\\N\\G\\E\\T\\H\\L",
            "line\nbreak", "cr\rlf", "tab\there", "nul\0x", "esc\u001b[31m", "del\u007f", "nel\u0085", "ls\u2028ps\u2029",
            "rlo\u202egnp.exe", "lri\u2066x\u2069", "zw\u200bsp", "bom\ufeff", "lone\ud800high", "lone\udc00low",
            "emoji\ud83d\ude00", "<b>bold</b>", "</text><script>alert`1`</script>", "&", "&amp;", "&lt;", "&#60;",
            "&#x3c;", "{", "}", "]]>", "<!--", "-->", "label=<x>", "<<b>>", "}\ndigraph x {", "%s%n", "ünï$Ïnner");

    @TempDir
    Path tmp;

    /** How a name must read in the drawing: as itself, with invisible characters as escapes. */
    static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                sb.append(String.format("\\x%02x", (int) c));
            } else if (c == 0x200b || c == 0x2028 || c == 0x2029 || c == 0x202e || c == 0x2066 || c == 0x2069
                    || c == 0xfeff || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Test
    void noQuoteBackslashOrControlCharacterOfANameReachesTheDotText() {
        assertThat(DotWriter.escape("a\"b\\c&d")).isEqualTo("a&quot;b&#92;&#92;&#92;&#92;c&amp;d");
        assertThat(DotWriter.escape("a\\", true)).isEqualTo("a" + "&#92;".repeat(8));
        assertThat(DotWriter.escape("x\ny\u202ez\ud800")).isEqualTo("x&#92;&#92;ny&#92;&#92;u202ez&#92;&#92;ud800");
        assertThat(DotWriter.escape("<b>{x}</b>")).isEqualTo("<b>{x}</b>");
        assertThat(DotWriter.escape("\ud83d\ude00")).isEqualTo("\ud83d\ude00");
        for (String s : HOSTILE) {
            for (boolean tooltip : List.of(false, true)) {
                assertThat(DotWriter.escape(s, tooltip).chars()).as(s)
                        .noneMatch(c -> c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == 0x2028 || c == 0x202e);
            }
        }
    }

    @Test
    void graphvizDrawsEveryHostileNameAsItselfAndNothingElse() throws Exception {
        List<String> names = new ArrayList<>(HOSTILE);
        Random r = new Random(42);
        String alphabet = "\"\\&<>{};[]=\n\r\t\0\u001b\u202e\u2028\ud800\udc00lnNGEx#-! ";
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder("f");
            for (int k = r.nextInt(12); k >= 0; k--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            names.add(sb.toString().strip() + "z");
        }
        List<Graph.Node> nodes = new ArrayList<>();
        List<Graph.Edge> edges = new ArrayList<>();
        Map<String, String> expectedLabel = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            // the name as a class and as a method: both parts of a label, and of a tooltip
            String type = "Lh/C" + i + names.get(i).replace("/", "") + ";";
            String id = type + "->" + names.get(i).replace("(", "").replace("/", "") + "()V";
            nodes.add(new Graph.Node(id, type, 1, Set.of()));
            if (i > 0) {
                edges.add(new Graph.Edge(nodes.get(i - 1).id(), id, List.of("virtual"), 1, false));
            }
        }
        Graph g = new Graph(Graph.Kind.CALLS, "hostile \"title\"\n}", List.of(), nodes, edges);
        Map<String, String> labels = Labels.of(g);
        for (Graph.Node n : nodes) {
            expectedLabel.put(visible(n.id()), visible(labels.get(n.id())));
        }
        Document svg = svg(DotWriter.writeToString(g));
        Map<String, String> drawn = new HashMap<>();
        Set<String> edgeTips = new TreeSet<>();
        NodeList groups = svg.getElementsByTagName("g");
        int nodeCount = 0;
        int edgeCount = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element e = (Element) groups.item(i);
            if (e.getAttribute("class").equals("node")) {
                nodeCount++;
                Element a = (Element) e.getElementsByTagName("a").item(0);
                // Graphviz keeps runs of spaces in SVG by writing every second one as a no-break space
                drawn.put(a.getAttribute("xlink:title").replace('\u00a0', ' '),
                        e.getElementsByTagName("text").item(0).getTextContent().replace('\u00a0', ' '));
            } else if (e.getAttribute("class").equals("edge")) {
                edgeCount++;
                edgeTips.add(((Element) e.getElementsByTagName("a").item(0)).getAttribute("xlink:title").replace('\u00a0', ' '));
            }
        }
        assertThat(nodeCount).isEqualTo(nodes.size());
        assertThat(edgeCount).isEqualTo(edges.size());
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> e : expectedLabel.entrySet()) {
            if (!e.getValue().equals(drawn.get(e.getKey()))) {
                wrong.add("tooltip " + e.getKey() + " label " + e.getValue() + " drawn as " + drawn.get(e.getKey()));
            }
        }
        Set<String> extra = new TreeSet<>(drawn.keySet());
        extra.removeAll(expectedLabel.keySet());
        assertThat(wrong).as("extra tooltips drawn: %s", extra).isEmpty();
        Set<String> expectedTips = new TreeSet<>();
        for (Graph.Edge e : edges) {
            expectedTips.add(visible(labels.get(e.from()) + " → " + labels.get(e.to()) + ": virtual, 1 call site"));
        }
        assertThat(edgeTips).isEqualTo(expectedTips);
        Set<String> elements = new TreeSet<>();
        NodeList all = svg.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            elements.add(e.getTagName());
            for (int k = 0; k < e.getAttributes().getLength(); k++) {
                assertThat(e.getAttributes().item(k).getNodeName()).doesNotStartWith("on");
            }
        }
        assertThat(elements).isSubsetOf("svg", "g", "title", "text", "a", "path", "polygon", "ellipse", "polyline");
        Element title = (Element) svg.getElementsByTagName("text").item(0);
        assertThat(title.getTextContent()).isEqualTo("Quiver: hostile \"title\"\\n}");
    }

    @Test
    void theSameGraphGivesTheSameBytesWhateverOrderItWasBuiltIn() {
        List<Graph.Node> nodes = new ArrayList<>();
        List<Graph.Edge> edges = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            nodes.add(new Graph.Node("Lp" + (i % 7) + "/C;->m" + i + "()V", "Lp" + (i % 7) + "/C;", i % 3,
                    i % 5 == 0 ? Set.of(Graph.Flag.EXTERNAL) : Set.of()));
        }
        for (int i = 0; i < 50; i++) {
            edges.add(new Graph.Edge(nodes.get(i).id(), nodes.get((i * 7) % 50).id(), List.of("static"), 1 + i % 3,
                    i % 4 == 0));
        }
        String first = DotWriter.writeToString(new Graph(Graph.Kind.CALLS, "t", List.of(), nodes, edges));
        Collections.shuffle(nodes, new Random(1));
        Collections.shuffle(edges, new Random(2));
        assertThat(DotWriter.writeToString(new Graph(Graph.Kind.CALLS, "t", List.of(), nodes, edges))).isEqualTo(first);
    }

    @Test
    void edgeLabelsSayWhatAPlainArrowDoesNot() {
        assertThat(DotWriter.edgeLabel(new Graph.Edge("a", "b", List.of("static", "virtual/range"), 1, false))).isEmpty();
        assertThat(DotWriter.edgeLabel(new Graph.Edge("a", "b", List.of("interface", "interface/range"), 3, true)))
                .isEqualTo("interface dispatch ×3");
        assertThat(DotWriter.edgeLabel(new Graph.Edge("a", "b", List.of("super"), 1, false))).isEqualTo("super");
    }

    /** Runs the real Graphviz on {@code dot} and parses the SVG it draws. */
    private Document svg(String dot) throws Exception {
        Path in = Files.writeString(tmp.resolve("g.dot"), dot, StandardCharsets.UTF_8);
        Path out = tmp.resolve("g.svg");
        Process p = new ProcessBuilder(dotProgram(), "-Tsvg", "-o", out.toString(), in.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("dot.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("dot.log"))).isZero();
        return parseXml(Files.readAllBytes(out));
    }

    /** Graphviz {@code dot} from PATH; the graph tests need it (.ci/run installs Debian's graphviz). */
    static String dotProgram() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "dot");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new AssertionError("Graphviz 'dot' is needed by this test: apt-get install graphviz (.ci/run does)");
    }

    /** An XML parser that never fetches the SVG's DTD from the network. */
    static Document parseXml(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
