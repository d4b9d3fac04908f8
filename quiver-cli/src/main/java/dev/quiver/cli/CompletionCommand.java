package dev.quiver.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code quiver completion bash|zsh}: prints a shell completion script for every command, option and
 * option value (picocli's generator, from the same command tree the CLI runs). zsh uses the bash
 * script through its bash-completion compatibility ({@code bashcompinit}), which the script loads itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash or zsh: commands, subcommands, options, option values "
                + "and file names complete with Tab.",
            "",
            "bash: add  source <(quiver completion bash)  to ~/.bashrc (or save the script as "
                + "/etc/bash_completion.d/quiver).",
            "zsh: add  source <(quiver completion zsh)  to ~/.zshrc, after compinit if you call it (the script loads "
                + "bashcompinit: zsh runs the bash script)."},
        footerHeading = "%nExamples:%n",
        footer = {"  quiver completion bash > ~/.local/share/bash-completion/completions/quiver",
            "  echo 'source <(quiver completion zsh)' >> ~/.zshrc"})
public final class CompletionCommand implements Callable<Integer> {
    /** The shells a script can be made for. */
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("quiver", Main.newCommandLine());
        // The shebang stays the first line; how to install this script follows it.
        int firstLine = script.startsWith("#!") ? script.indexOf('\n') + 1 : 0;
        StringBuilder sb = new StringBuilder(script.substring(0, firstLine));
        sb.append("# quiver completion for ").append(shell).append(", printed by 'quiver completion ").append(shell)
                .append("'. Install: add\n#   source <(quiver completion ").append(shell).append(")\n# to ~/.")
                .append(shell).append("rc").append(shell == Shell.zsh
                        ? " (after compinit, if you call it; this script loads zsh's bashcompinit)" : "")
                .append(".\n");
        sb.append(script, firstLine, script.length());
        spec.commandLine().getOut().print(sb);
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
