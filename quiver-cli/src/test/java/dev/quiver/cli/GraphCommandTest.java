package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.core.Goldens;
import dev.quiver.core.TestApps;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * {@code quiver graph}: goldens of what it prints (DOT and JSON to stdout, errors), and the files
 * it writes through the real Graphviz (valid SVG, PNG and PDF, under exactly the name given), or
 * without it.
 */
class GraphCommandTest {
    private static final String SEND = "Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;"
            + "Ljava/lang/String;Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V";
    private static final String ON_CREATE = "Lcom/app/Main;->onCreate(Landroid/os/Bundle;)V";

    @TempDir
    static Path tmp;
    static Path db;
    static Path graphDb;

    @BeforeAll
    static void build() throws Exception {
        db = TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("a.db"));
        graphDb = TestApps.database(TestApps.GRAPH, tmp, tmp.resolve("g.db"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("calls-dot-stdout", "graph", "calls", "Lcom/q/Chain;->l1()V", "--callees"),
                c("calls-json-stdout", "graph", "calls", SEND, "--callers", "--depth", "0", "--json"),
                c("calls-format-json-dispatch", "graph", "calls", "Lcom/q/Impl;->run()V", "--callers", "--dispatch",
                        "--depth", "1", "--format", "json"),
                c("calls-pattern-note", "graph", "calls", "Lcom/q/Crypto;->encrypt", "-d", "1"),
                c("calls-exclude-include", "graph", "calls", "Lcom/q/Chain;->l1()V", "--both", "--depth", "0",
                        "--exclude", "Lcom/q/Impl;", "--include", "Lcom/q/*"),
                c("calls-nothing-found", "graph", "calls", "Lcom/q/Users;->useTask(Lcom/q/Task;)V", "--callers"),
                c("classes-root", "graph", "classes", "--root", "com.q.Task"),
                c("classes-package-json", "graph", "classes", "--json", "--package", "Lcom/q/*"),
                c("error-unknown-method", "graph", "calls", "Lcom/q/Chain;->nope()V"),
                c("error-cap", "graph", "calls", "Lcom/q/Chain;->l1()V", "--max-nodes", "3"),
                c("error-classes-cap", "graph", "classes", "--package", "com.q", "--max-nodes", "2"),
                c("error-unknown-extension", "graph", "calls", "Lcom/q/Chain;->l1()V", "-o", "graph.txt"),
                c("error-png-to-stdout", "graph", "calls", "Lcom/q/Chain;->l1()V", "--format", "png"),
                c("error-json-and-format", "graph", "calls", "Lcom/q/Chain;->l1()V", "--json", "--format", "svg"),
                c("error-bad-format", "graph", "calls", "Lcom/q/Chain;->l1()V", "--format", "gif"),
                c("error-bad-layout", "graph", "calls", "Lcom/q/Chain;->l1()V", "--layout", "spring"),
                c("error-row-options-are-gone", "graph", "calls", "Lcom/q/Chain;->l1()V", "--csv"),
                c("error-negative-depth", "graph", "calls", "Lcom/q/Chain;->l1()V", "--depth", "-1"),
                c("error-zero-max-nodes", "graph", "classes", "--root", "Lcom/q/Task;", "--max-nodes", "0"),
                c("error-classes-needs-a-question", "graph", "classes"),
                c("error-unknown-type", "graph", "classes", "--root", "Lcom/nope/X;"),
                c("error-missing-subcommand", "graph"));
    }

    private static Arguments c(String name, String... args) {
        return Arguments.of(name, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGolden(String name, String[] args) {
        Goldens.assertMatches(getClass(), "graph-cli", name + ".txt", Cli.transcript(args, 2, db, tmp));
    }

    @Test
    void drawsSvgPngAndPdfUnderExactlyTheNameGiven() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("drawn"));
        for (String name : List.of("calls.svg", "calls.png", "calls.pdf", "calls.jpg", "calls.xdot", "calls.dot", "calls.gv",
                "calls.json")) {
            Cli r = Cli.run("graph", "calls", ON_CREATE, "--db", graphDb.toString(), "--dispatch", "--depth", "0",
                    "-o", dir.resolve(name).toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEmpty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("calls.dot", "calls.gv", "calls.jpg", "calls.json", "calls.pdf", "calls.png",
                            "calls.svg", "calls.xdot");
        }
        assertSvg(Files.readAllBytes(dir.resolve("calls.svg")));
        assertThat(Files.readAllBytes(dir.resolve("calls.png"))).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        assertThat(new String(Files.readAllBytes(dir.resolve("calls.pdf")), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        assertThat(Files.readAllBytes(dir.resolve("calls.jpg"))).startsWith(0xff, 0xd8, 0xff);
        assertThat(Files.readString(dir.resolve("calls.xdot"))).startsWith("digraph quiver {").contains("_draw_=");
        assertThat(Files.readString(dir.resolve("calls.dot"))).startsWith("digraph quiver {")
                .isEqualTo(Files.readString(dir.resolve("calls.gv")));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("calls.json").toFile());
        assertThat(json.get("nodes").size()).isEqualTo(24);
        assertThat(json.get("roots").get(0).asText()).isEqualTo(ON_CREATE);
    }

    @Test
    void formatOptionWinsOverTheExtensionAndSvgCanGoToStdout() throws Exception {
        Path out = tmp.resolve("picture.out");
        Cli r = Cli.run("graph", "classes", "--db", graphDb.toString(), "--package", "com.app", "--format", "svg",
                "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertSvg(Files.readAllBytes(out));
        Cli stdout = Cli.run("graph", "classes", "--db", graphDb.toString(), "--root", "Lcom/lib/Codec;", "-f", "svg");
        assertThat(stdout.exit()).as(stdout.err()).isZero();
        Document svg = assertSvg(stdout.out().getBytes(StandardCharsets.UTF_8));
        assertThat(svg.getDocumentElement().getTextContent()).contains("Base64Codec", "XorCodec", "«interface»");
    }

    @Test
    void otherLayoutEnginesDrawTheSameNodes() throws Exception {
        for (String engine : List.of("neato", "FDP", "circo")) {
            Path out = tmp.resolve("layout-" + engine + ".svg");
            Cli r = Cli.run("graph", "calls", ON_CREATE, "--db", graphDb.toString(), "--depth", "0", "--layout", engine,
                    "-o", out.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            Document svg = assertSvg(Files.readAllBytes(out));
            int nodes = 0;
            for (int i = 0; i < svg.getElementsByTagName("g").getLength(); i++) {
                nodes += ((org.w3c.dom.Element) svg.getElementsByTagName("g").item(i)).getAttribute("class")
                        .equals("node") ? 1 : 0;
            }
            assertThat(nodes).as(engine).isEqualTo(21);
        }
    }

    @Test
    void hostileNamesMakeAValidSvgWithoutMarkup() throws Exception {
        Path out = tmp.resolve("hostile.svg");
        Cli r = Cli.run("graph", "calls", "Lcom/evil/*", "--db", graphDb.toString(), "--both", "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Document svg = assertSvg(Files.readAllBytes(out));
        assertThat(svg.getElementsByTagName("script").getLength()).isZero();
        String text = svg.getDocumentElement().getTextContent();
        assertThat(text).contains("A\"b\\\\c<d>{e}&\\tt\\u202ex.</script><script>x</script>()")
                .doesNotContain("\u202e", "\t");
        Path box = tmp.resolve("hostile-members.svg");
        Cli members = Cli.run("graph", "classes", "--package", "com.evil", "--members", "--db", graphDb.toString(), "-o",
                box.toString());
        assertThat(members.exit()).as(members.err()).isEqualTo(1); // one class, no supertype but Object
        Document classes = assertSvg(Files.readAllBytes(box));
        assertThat(classes.getElementsByTagName("script").getLength()).isZero();
        assertThat(classes.getDocumentElement().getTextContent()).contains("A\"b\\\\c<d>{e}&\\tt\\u202ex",
                "</script><script>x</script>(): void", "\"q\\\\n<b>{x}&lt;(): void");
    }

    /** Without Graphviz: the DOT is written next to the requested file, and the exit code says so. */
    @Test
    void withoutGraphvizTheDotIsWrittenAndTheExitCodeIsFour() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("no-dot"));
        Path svg = dir.resolve("calls.svg");
        Run r = run(Map.of("PATH", dir.toString()), "graph", "calls", "Lcom/q/Chain;->l1()V", "--db", db.toString(),
                "-o", svg.toString());
        assertThat(r.exit).isEqualTo(4);
        assertThat(r.out).isEmpty();
        assertThat(r.err).isEqualTo("quiver: error: Graphviz 'dot' is not installed (not found on PATH), so " + svg
                + " was not drawn; the graph is in " + dir.resolve("calls.dot") + " (DOT). Install Graphviz "
                + "(Debian/Ubuntu: apt-get install graphviz; Fedora: dnf install graphviz; macOS: brew install "
                + "graphviz), then: dot -Tsvg " + dir.resolve("calls.dot") + " -o " + svg + "\n");
        assertThat(Files.exists(svg)).isFalse();
        assertThat(Files.readString(dir.resolve("calls.dot")))
                .isEqualTo(Cli.run("graph", "calls", "Lcom/q/Chain;->l1()V", "--db", db.toString()).out());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("calls.dot");
        }
        Run toStdout = run(Map.of("PATH", dir.toString()), "graph", "calls", "Lcom/q/Chain;->l1()V", "--db",
                db.toString(), "--format", "svg");
        assertThat(toStdout.exit).isEqualTo(4);
        assertThat(toStdout.out).isEmpty();
        assertThat(toStdout.err).startsWith("quiver: error: Graphviz 'dot' is not installed (not found on PATH), so no "
                + "svg was drawn; install Graphviz");
    }

    /** The same app parsed with one and with two workers draws the same bytes, run after run. */
    @Test
    void oneOrTwoParseWorkersGiveTheSameDot() throws Exception {
        Path tree = TestApps.tree(TestApps.GRAPH, tmp.resolve("graph-src"));
        Path two = tmp.resolve("g-j2.db");
        assertThat(Cli.run("parse", tree.toString(), "-o", two.toString(), "-j", "2", "-q").exit()).isZero();
        List<String> outputs = new ArrayList<>();
        for (Path d : List.of(graphDb, two, graphDb, two)) {
            outputs.add(Cli.run("graph", "calls", ON_CREATE, "--db", d.toString(), "--dispatch", "--depth", "0").out());
            outputs.add(Cli.run("graph", "classes", "--db", d.toString(), "--package", "L*").out());
        }
        assertThat(outputs.get(0)).contains("digraph quiver");
        for (int i = 2; i < outputs.size(); i++) {
            assertThat(outputs.get(i)).isEqualTo(outputs.get(i % 2));
        }
    }

    static Document assertSvg(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("svg");
        return d;
    }

    /** What a separate Quiver process printed. */
    record Run(int exit, String out, String err) {
    }

    /** Runs Quiver in its own JVM with {@code env} replacing the environment (to take Graphviz away). */
    static Run run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
