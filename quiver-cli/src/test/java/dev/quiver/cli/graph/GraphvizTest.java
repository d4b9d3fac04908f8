package dev.quiver.cli.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and running Graphviz dot: missing, failing, too slow, and the file names that go with it. */
class GraphvizTest {
    @TempDir
    Path tmp;

    private Path script(String name, String body) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void dotIsFoundOnThePathOrNamedByQuiverDot() throws Exception {
        assertThatThrownBy(() -> Graphviz.find(Map.of("PATH", tmp.toString())))
                .isInstanceOf(Graphviz.Missing.class).hasMessage("Graphviz 'dot' is not installed (not found on PATH)");
        assertThatThrownBy(() -> Graphviz.find(Map.of("QUIVER_DOT", tmp.resolve("nope").toString())))
                .isInstanceOf(Graphviz.Missing.class).hasMessage("QUIVER_DOT=" + tmp.resolve("nope")
                        + " is not an executable program");
        script("dot", "exit 0");
        assertThat(Graphviz.find(Map.of("PATH", "/nonexistent:" + tmp))).isNotNull();
    }

    @Test
    void aFailingDotIsAnErrorWithItsMessage() throws Exception {
        Graphviz dot = Graphviz.find(Map.of("QUIVER_DOT", script("bad-dot", "cat >/dev/null; echo 'Error: syntax error in line 1' >&2; exit 3").toString()));
        assertThatThrownBy(() -> dot.render("digraph {}", GraphFormat.SVG, Layout.DOT, tmp.resolve("x.svg"), 10))
                .isInstanceOf(Graphviz.Failed.class)
                .hasMessageEndingWith("exit code 3): Error: syntax error in line 1");
    }

    @Test
    void aSlowDotIsStoppedAtTheTimeout() throws Exception {
        Graphviz dot = Graphviz.find(Map.of("QUIVER_DOT", script("slow-dot", "exec sleep 30").toString()));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> dot.render("digraph {}", GraphFormat.PNG, Layout.DOT, tmp.resolve("x.png"), 1))
                .isInstanceOf(Graphviz.Failed.class)
                .hasMessageStartingWith("Graphviz dot took longer than 1 s and was stopped; raise --dot-timeout");
        assertThat(System.nanoTime() - t0).isLessThan(20_000_000_000L);
    }

    @Test
    void warningsOfASuccessfulDotAreReturned() throws Exception {
        Path out = tmp.resolve("x.svg");
        Graphviz dot = Graphviz.find(Map.of("QUIVER_DOT", script("warn-dot",
                "cat >/dev/null; echo 'Warning: too large' >&2; echo \"<svg>$1 $2</svg>\" > \"$4\"").toString()));
        assertThat(dot.render("digraph {}", GraphFormat.SVG, Layout.NEATO, out, 10)).isEqualTo("Warning: too large");
        assertThat(Files.readString(out)).isEqualTo("<svg>-Kneato -Tsvg</svg>\n");
    }

    @Test
    void formatsComeFromExtensionsAndTheDotGoesBesideTheDrawing() {
        assertThat(GraphFormat.ofFile(Path.of("a/b.SVG"))).isEqualTo(GraphFormat.SVG);
        assertThat(GraphFormat.ofFile(Path.of("b.gv"))).isEqualTo(GraphFormat.DOT);
        assertThat(GraphFormat.ofFile(Path.of("b.JPEG"))).isEqualTo(GraphFormat.JPG);
        assertThat(GraphFormat.ofFile(Path.of("b.xdot"))).isEqualTo(GraphFormat.XDOT);
        assertThat(GraphFormat.ofFile(Path.of("b.png.txt"))).isNull();
        assertThat(GraphFormat.ofFile(Path.of("noext"))).isNull();
        assertThat(GraphCommandBase.dotFileFor(Path.of("d/calls.svg"))).isEqualTo(Path.of("d/calls.dot"));
        assertThat(GraphCommandBase.dotFileFor(Path.of("d/calls"))).isEqualTo(Path.of("d/calls.dot"));
        assertThat(GraphCommandBase.dotFileFor(Path.of("d/calls.dot"))).isEqualTo(Path.of("d/calls.dot.dot"));
        assertThat(GraphCommandBase.dotFileFor(Path.of(".hidden"))).isEqualTo(Path.of(".hidden.dot"));
    }
}
