package dev.quiver.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.search.edit.EditTarget;
import dev.quiver.search.print.OutputOptions.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputModeTest {
    @TempDir
    Path dir;
    Path a;
    Path b;

    @BeforeEach
    void files() throws Exception {
        a = dir.resolve("a.txt");
        b = dir.resolve("b.txt");
        Files.writeString(a, "x\nfoo bar foo\n");
        Files.writeString(b, "nothing\n");
    }

    @Test
    void jsonLinesInRipgrepShape() throws Exception {
        SearchRun r = SearchRun.of("foo", a);
        r.output.mode(Mode.JSON);
        r.run();
        assertThat(r.lines()).hasSize(4);
        assertThat(r.lines().get(0)).isEqualTo("{\"type\":\"begin\",\"data\":{\"path\":{\"text\":\"" + a + "\"}}}");
        assertThat(r.lines().get(1)).isEqualTo("{\"type\":\"match\",\"data\":{\"path\":{\"text\":\"" + a + "\"},"
                + "\"lines\":{\"text\":\"foo bar foo\\n\"},\"line_number\":2,\"absolute_offset\":2,\"submatches\":["
                + "{\"match\":{\"text\":\"foo\"},\"start\":0,\"end\":3},{\"match\":{\"text\":\"foo\"},\"start\":8,\"end\":11}]}}");
        assertThat(r.lines().get(2)).startsWith("{\"type\":\"end\",\"data\":{\"path\":{\"text\":\"" + a + "\"},\"binary_offset\":null,\"stats\":{")
                .contains("\"matched_lines\":1,\"matches\":2");
        assertThat(r.lines().get(3)).startsWith("{\"data\":{\"elapsed_total\":").endsWith("\"type\":\"summary\"}")
                .contains("\"searches\":1,\"searches_with_match\":1");
    }

    @Test
    void jsonGivesInvalidUtf8AsBase64Bytes() throws Exception {
        Files.write(a, new byte[] {'f', 'o', 'o', (byte) 0xFF, '\n'});
        SearchRun r = SearchRun.of("foo", a);
        r.output.mode(Mode.JSON);
        assertThat(r.run().lines().get(1)).contains("\"lines\":{\"bytes\":\"Zm9v/wo=\"}");
    }

    @Test
    void filesWithAndWithoutMatchAndNullSeparator() throws Exception {
        SearchRun with = SearchRun.of("foo", dir);
        with.output.mode(Mode.FILES_WITH_MATCHES);
        assertThat(with.run().lines()).containsExactly(a.toString());
        SearchRun without = SearchRun.of("foo", dir);
        without.output.mode(Mode.FILES_WITHOUT_MATCH);
        assertThat(without.run().lines()).containsExactly(b.toString());
        assertThat(without.result.matched()).isTrue();
        SearchRun nul = SearchRun.of("foo", dir);
        nul.output.mode(Mode.FILES_WITH_MATCHES);
        nul.output.nullSeparator(true);
        assertThat(nul.run().output()).isEqualTo(a + "\0");
        SearchRun nulLines = SearchRun.of("foo", a);
        nulLines.output.nullSeparator(true);
        assertThat(nulLines.run().output()).isEqualTo(a + "\0" + "2:foo bar foo\n");
    }

    @Test
    void pipeModeEscapesItsSeparator() throws Exception {
        Files.writeString(a, "  a|b key=val  \n");
        SearchRun r = SearchRun.of("(\\w+)=(\\w+)", a);
        r.output.mode(Mode.PIPE);
        assertThat(r.run().lines()).containsExactly(a + "|1|key=val|a\\|b key=val|key,val");
    }

    @Test
    void headingGroupsLinesUnderThePath() throws Exception {
        Files.writeString(b, "foo\n");
        SearchRun r = SearchRun.of("foo", dir);
        r.output.heading(true);
        r.config.sortByPath(true);
        assertThat(r.run().output()).isEqualTo(a + "\n2:foo bar foo\n\n" + b + "\n1:foo\n");
    }

    @Test
    void statsAreCorrect() throws Exception {
        Files.writeString(b, "foo\nfoo\nno\n");
        SearchRun r = SearchRun.of("foo", dir);
        r.config.stats(true);
        r.run();
        SearchStats s = r.result.stats();
        assertThat(s.filesSearched()).isEqualTo(2);
        assertThat(s.filesMatched()).isEqualTo(2);
        assertThat(s.matchedLines()).isEqualTo(3);
        assertThat(s.matches()).isEqualTo(4);
        assertThat(s.lines()).isEqualTo(5);
        assertThat(s.bytes()).isEqualTo(Files.size(a) + Files.size(b));
        assertThat(r.output()).contains("Files Searched: 2\nFiles Matched: 2\nMatching Lines: 3\nMatches: 4\nLines Searched: 5\n");
    }

    @Test
    void singleFileHasNoPathPrefixByDefault() throws Exception {
        SearchRun r = SearchRun.of("foo", a);
        r.output.withFilename(null);
        assertThat(r.run().lines()).containsExactly("2:foo bar foo");
        SearchRun d = SearchRun.of("foo", dir);
        d.output.withFilename(null);
        assertThat(d.run().lines()).containsExactly(a + ":2:foo bar foo");
    }

    @Test
    void editTargetsAreTheFirstMatchOfEachFile() throws Exception {
        Files.writeString(b, "no\nno\nfoo\nfoo\n");
        SearchRun r = SearchRun.of("foo", dir);
        r.edit = true;
        r.config.sortByPath(true);
        r.run();
        assertThat(r.result.editTargets()).containsExactlyInAnyOrder(
                new EditTarget(a.toString(), 2, 1), new EditTarget(b.toString(), 3, 1));
    }

    @Test
    void summariesPrintNoLineWhenEditsWatchTheLines() throws Exception {
        // --edit and --write see every matching line, but -c and -l still print only their summary
        // (as rg -c -r does); the lines once leaked into the count's output
        SearchRun count = SearchRun.of("foo", a);
        count.output.mode(Mode.COUNT);
        count.edit = true;
        assertThat(count.run().lines()).containsExactly(a + ":1");
        assertThat(count.result.editTargets()).containsExactly(new EditTarget(a.toString(), 2, 1));
        SearchRun list = SearchRun.of("foo", a);
        list.output.mode(Mode.FILES_WITH_MATCHES);
        list.config.replacement("baz").write(true);
        assertThat(list.run().lines()).containsExactly(a.toString());
        assertThat(Files.readString(a)).isEqualTo("x\nbaz bar baz\n");
    }
}
