package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.Indexer;
import dev.quiver.core.TestTrees;
import dev.quiver.core.pipeline.ProgressListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples, run as a new user would run them: every {@code $ quiver … --db apidemos.db}
 * line of a shell block is executed on the quick-start database (ApiDemos from the corpus) and must
 * print the lines the README shows under it. A line {@code …} stands for any lines; a trailing
 * {@code | head -N} keeps the first N lines, as the shell would.
 */
class ReadmeExamplesTest {
    @TempDir
    Path tmp;

    @Test
    void readmeQueryExamplesPrintWhatTheReadmeShows() throws Exception {
        Path medium = TestTrees.corpus().resolve("medium-smali");
        Assumptions.assumeTrue(Files.isDirectory(medium), () -> "no " + medium);
        Path db = tmp.resolve("apidemos.db");
        Indexer.index(new Indexer.Request(List.of(medium), db, Indexer.Format.SQLITE, false, 2, ".smali"),
                ProgressListener.NONE);
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int checked = 0;
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            if (!line.startsWith("$ quiver ") || !line.contains("--db apidemos.db")) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            int j = i + 1;
            while (j < readme.size() && !readme.get(j).startsWith("$ ") && !readme.get(j).startsWith("```")
                    && !readme.get(j).isEmpty()) {
                expected.add(readme.get(j++));
            }
            String command = line.substring(2);
            int head = -1;
            int pipe = command.lastIndexOf(" | head -");
            if (pipe > 0) {
                head = Integer.parseInt(command.substring(pipe + " | head -".length()).strip());
                command = command.substring(0, pipe);
            }
            List<String> args = shellWords(command.substring("quiver ".length()).replace("apidemos.db", db.toString()));
            Cli r = Cli.run(args.toArray(new String[0]));
            List<String> actual = new ArrayList<>(List.of(r.out().split("\n", -1)));
            if (actual.get(actual.size() - 1).isEmpty()) {
                actual.remove(actual.size() - 1);
            }
            if (head >= 0) {
                actual = actual.subList(0, Math.min(head, actual.size()));
            }
            assertThat(r.exit()).as("exit code of: %s (stderr: %s)", line, r.err()).isZero();
            assertMatches(line, expected, actual);
            checked++;
        }
        assertThat(checked).as("README examples found").isGreaterThanOrEqualTo(8);
    }

    /** {@code expected} with {@code …} lines matching any run of lines. */
    private static void assertMatches(String command, List<String> expected, List<String> actual) {
        int gap = expected.indexOf("…");
        if (gap < 0) {
            assertThat(actual).as(command).containsExactlyElementsOf(expected);
            return;
        }
        List<String> before = expected.subList(0, gap);
        List<String> after = expected.subList(gap + 1, expected.size());
        assertThat(actual.subList(0, Math.min(before.size(), actual.size()))).as(command).isEqualTo(before);
        assertThat(actual.subList(Math.max(0, actual.size() - after.size()), actual.size())).as(command).isEqualTo(after);
    }

    /** Splits like a POSIX shell: single quotes, double quotes (with backslash escapes), backslash. */
    static List<String> shellWords(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                cur.append(s, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i++;
                while (s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                        i++;
                    }
                    cur.append(s.charAt(i++));
                }
                inWord = true;
            } else if (c == '\\') {
                cur.append(s.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }
}
