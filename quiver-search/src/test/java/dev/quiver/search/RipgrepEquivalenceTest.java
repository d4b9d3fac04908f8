package dev.quiver.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.search.match.MatchOptions.CaseMode;
import dev.quiver.search.print.OutputOptions.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Same answers as ripgrep on the real corpus: both tools run the same search and the sets of
 * {@code path:line:text} lines must be equal. Skipped without the corpus ({@code -Dquiver.corpus})
 * or without {@code rg} on the PATH.
 */
class RipgrepEquivalenceTest {
    private static Path corpus;

    @BeforeAll
    static void findCorpus() {
        String c = System.getProperty("quiver.corpus");
        assumeTrue(c != null && !c.isBlank() && !c.equals("null") && Files.isDirectory(Path.of(c)), "corpus not configured");
        corpus = Path.of(c, "medium-smali");
        assumeTrue(Files.isDirectory(corpus), "medium-smali missing");
        assumeTrue(rgAvailable(), "rg not on PATH");
    }

    private static boolean rgAvailable() {
        try {
            return new ProcessBuilder("rg", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Stream<String> cases() {
        // arguments are separated by " ¦ " so that patterns may hold spaces
        return Stream.of(
                "-F ¦ invoke-virtual",
                "-F ¦ Landroid/app/Activity;",
                "const-string v[0-9]+, \"[a-z]",
                "\\.method (public|private) .*\\(\\)V",
                "[0-9a-f]{8}",
                "-i ¦ oncreate",
                "-w ¦ -i ¦ view",
                "-x ¦ \\s*return-void",
                "-v ¦ \\S",
                "-C ¦ 2 ¦ -F ¦ sput-object",
                "-A ¦ 1 ¦ -B ¦ 3 ¦ iget-boolean",
                "-c ¦ move-result",
                "-e ¦ goto ¦ -e ¦ if-eqz",
                "-m ¦ 2 ¦ invoke-direct",
                "-o ¦ \"[^\"]+\"",
                "-w ¦ [A-Z][a-zA-Z]+Exception",
                "-i ¦ -F ¦ STRINGBUILDER");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameLinesAsRipgrep(String args) throws Exception {
        List<String> argv = split(args);
        List<String> rgCmd = new ArrayList<>(List.of("rg", "-n", "--no-heading", "--with-filename", "--no-config", "--color", "never"));
        rgCmd.addAll(argv);
        rgCmd.add(corpus.toString());
        Process p = new ProcessBuilder(rgCmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] rgOut = p.getInputStream().readAllBytes();
        int rgCode = p.waitFor();

        SearchRun q = new SearchRun();
        q.config.path(corpus);
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            switch (a) {
                case "-F" -> q.match.fixedStrings(true);
                case "-i" -> q.match.caseMode(CaseMode.INSENSITIVE);
                case "-w" -> q.match.word(true);
                case "-x" -> q.match.lineRegexp(true);
                case "-v" -> q.config.invert(true);
                case "-o" -> q.output.onlyMatching(true);
                case "-c" -> q.output.mode(Mode.COUNT);
                case "-C" -> q.output.context(Integer.parseInt(argv.get(++i)));
                case "-A" -> q.output.after(Integer.parseInt(argv.get(++i)));
                case "-B" -> q.output.before(Integer.parseInt(argv.get(++i)));
                case "-m" -> q.config.maxCount(Long.parseLong(argv.get(++i)));
                case "-e" -> q.match.pattern(argv.get(++i));
                default -> q.match.pattern(a);
            }
        }
        q.run();
        assertThat(q.errors).isEmpty();
        Set<String> expected = lines(rgOut);
        Set<String> actual = lines(q.out);
        assertThat(actual).as("quiver vs rg for: " + args).isEqualTo(expected);
        assertThat(q.result.matched()).isEqualTo(rgCode == 0);
    }

    private static Set<String> lines(byte[] out) {
        Set<String> s = new HashSet<>(Arrays.asList(new String(out, StandardCharsets.UTF_8).split("\n")));
        s.remove("--");
        s.remove("");
        return s;
    }

    private static List<String> split(String args) {
        return Arrays.asList(args.split(" ¦ "));
    }
}
