package dev.quiver.cli.graph;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Graphviz {@code dot} to draw a DOT text as SVG, PNG or PDF. The program is
 * {@code $QUIVER_DOT} when set, else {@code dot} found on {@code PATH}. It runs with a time limit,
 * and what it prints on stderr is kept: returned as warnings when it succeeds, put in the error when
 * it fails.
 */
final class Graphviz {
    /** What to tell a user who has no Graphviz. */
    static final String INSTALL = "install Graphviz (Debian/Ubuntu: apt-get install graphviz; Fedora: dnf install "
            + "graphviz; macOS: brew install graphviz)";

    private final Path program;

    private Graphviz(Path program) {
        this.program = program;
    }

    /** Graphviz is not installed, or {@code $QUIVER_DOT} names no program. */
    static final class Missing extends Exception {
        private static final long serialVersionUID = 1L;

        Missing(String message) {
            super(message);
        }
    }

    /** {@code dot} ran and failed, or ran too long. */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    /** The {@code dot} of this environment ({@code QUIVER_DOT}, {@code PATH}). */
    static Graphviz find(Map<String, String> env) throws Missing {
        String own = env.get("QUIVER_DOT");
        if (own != null && !own.isBlank()) {
            Path p = Path.of(own);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new Missing("QUIVER_DOT=" + own + " is not an executable program");
            }
            return new Graphviz(p);
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String name : List.of("dot", "dot.exe")) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return new Graphviz(p);
                }
            }
        }
        throw new Missing("Graphviz 'dot' is not installed (not found on PATH)");
    }

    /**
     * Draws {@code dotText} in {@code format} with the {@code layout} engine into {@code target}
     * (which it overwrites). Returns
     * what {@code dot} printed on stderr (warnings), "" when nothing.
     */
    String render(String dotText, GraphFormat format, Layout layout, Path target, int timeoutSeconds)
            throws Failed, IOException {
        Path errors = Files.createTempFile("quiver-dot-", ".txt");
        try {
            Process p = new ProcessBuilder(program.toString(), "-K" + layout, "-T" + format, "-o", target.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile())
                    .start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(dotText.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // dot stopped reading (it failed early): its exit code and stderr say why, below
            }
            boolean done;
            try {
                done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new Failed("interrupted while Graphviz dot was drawing");
            }
            if (!done) {
                p.destroyForcibly();
                throw new Failed("Graphviz dot took longer than " + timeoutSeconds + " s and was stopped; raise "
                        + "--dot-timeout, draw a smaller graph, or write DOT (-o FILE.dot) and draw it yourself");
            }
            String stderr = Files.readString(errors, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new Failed("Graphviz dot failed (" + program + ", exit code " + p.exitValue() + ")"
                        + (stderr.isEmpty() ? "" : ": " + stderr.replace('\n', ' ')));
            }
            return stderr;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
