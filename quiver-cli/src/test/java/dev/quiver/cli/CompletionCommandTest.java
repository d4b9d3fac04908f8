package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quiver completion}: the scripts are valid and complete commands, subcommands, options and
 * option values, checked by sourcing them in a real bash and zsh (.ci/run installs zsh).
 */
class CompletionCommandTest {
    @TempDir
    Path tmp;

    /** Sources {@code script} in {@code shell} and completes the words of {@code line} (the last one being typed). */
    private String complete(String shell, Path script, String... words) throws Exception {
        StringBuilder call = new StringBuilder();
        for (String w : words) {
            call.append(" '").append(w).append('\'');
        }
        String body = "COMP_WORDS=(" + call + " ); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='"
                + String.join(" ", words) + "'; _complete_quiver; printf '%s\\n' \"${COMPREPLY[@]}\"";
        String program = shell.equals("bash") ? "source " + script + "; " + body
                // zsh runs the bash script through bashcompinit, in sh emulation (0-based arrays), as compsys does
                : "autoload -U +X compinit && compinit -u -d " + tmp.resolve("zcompdump") + "; source " + script
                        + "; emulate sh -c '" + body.replace("'", "'\\''") + "'";
        Process p = new ProcessBuilder(shell.equals("bash") ? List.of("bash", "-c", program)
                : List.of("zsh", "-f", "-c", program)).redirectError(tmp.resolve(shell + ".err").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve(shell + ".err"))).isZero();
        return out;
    }

    @Test
    void bashScriptIsValidAndCompletesEverything() throws Exception {
        Cli r = Cli.run("completion", "bash");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash\n# quiver completion for bash")
                .contains("_picocli_quiver_graph_calls", "_picocli_quiver_graph_classes", "_picocli_quiver_xref",
                        "_picocli_quiver_completion", "complete -F _complete_quiver");
        Path script = Files.writeString(tmp.resolve("quiver.bash"), r.out());
        Process check = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String errors = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(errors).isZero();

        assertThat(complete("bash", script, "quiver", "gr").lines()).containsExactly("graph");
        assertThat(complete("bash", script, "quiver", "graph", "c").lines()).containsExactly("calls", "classes");
        assertThat(complete("bash", script, "quiver", "graph", "calls", "--max").lines()).containsExactly("--max-nodes");
        assertThat(complete("bash", script, "quiver", "graph", "calls", "--format", "").lines())
                .containsExactly("dot", "svg", "png", "pdf", "jpg", "xdot", "json");
        assertThat(complete("bash", script, "quiver", "completion", "").lines()).containsExactly("bash", "zsh");
        assertThat(complete("bash", script, "quiver", "x").lines()).containsExactly("xref");
    }

    @Test
    void zshScriptRunsTheBashCompletionThroughBashcompinit() throws Exception {
        Cli r = Cli.run("completion", "zsh");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("# quiver completion for zsh", "bashcompinit");
        Path script = Files.writeString(tmp.resolve("quiver.zsh"), r.out());
        assertThat(complete("zsh", script, "quiver", "graph", "classes", "--r").lines()).contains("--root");
        assertThat(complete("zsh", script, "quiver", "graph", "calls", "--format", "").lines())
                .containsExactly("dot", "svg", "png", "pdf", "jpg", "xdot", "json");
    }

    @Test
    void anUnknownShellIsAUsageError() {
        Cli r = Cli.run("completion", "fish");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("quiver: error: Invalid value for positional parameter at index 0 (SHELL): "
                + "expected one of [bash, zsh]");
    }
}
