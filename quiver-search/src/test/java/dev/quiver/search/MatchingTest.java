package dev.quiver.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.search.print.OutputOptions.Mode;
import dev.quiver.search.match.MatchOptions.CaseMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchingTest {
    @TempDir
    Path dir;
    Path a;

    @BeforeEach
    void files() throws IOException {
        a = dir.resolve("a.txt");
        Files.writeString(a, "alpha Foo\nbeta foo\ngamma FOOD\ndelta food\nepsilon bar\n", StandardCharsets.UTF_8);
    }

    private SearchRun run(SearchRun r) throws InterruptedException {
        r.output.withFilename(Boolean.FALSE);
        return r.run();
    }

    @Test
    void literalMatchesOnlyItsCase() throws Exception {
        assertThat(run(SearchRun.of("foo", a)).lines()).containsExactly("2:beta foo", "4:delta food");
    }

    @Test
    void ignoreCaseMatchesEveryCase() throws Exception {
        SearchRun r = SearchRun.of("foo", a);
        r.match.caseMode(CaseMode.INSENSITIVE);
        assertThat(run(r).lines()).containsExactly("1:alpha Foo", "2:beta foo", "3:gamma FOOD", "4:delta food");
    }

    @Test
    void smartCaseIsSensitiveOnlyWithAnUppercaseLiteral() throws Exception {
        SearchRun lower = SearchRun.of("foo", a);
        lower.match.caseMode(CaseMode.SMART);
        assertThat(run(lower).lines()).hasSize(4);
        SearchRun upper = SearchRun.of("Foo", a);
        upper.match.caseMode(CaseMode.SMART);
        assertThat(run(upper).lines()).containsExactly("1:alpha Foo");
        SearchRun escape = SearchRun.of("fo\\S", a);
        escape.match.caseMode(CaseMode.SMART);
        assertThat(run(escape).lines()).as("\\S is not an upper-case literal").hasSize(4);
    }

    @Test
    void wordRegexpNeedsNonWordNeighbours() throws Exception {
        SearchRun r = SearchRun.of("foo", a);
        r.match.word(true);
        r.match.caseMode(CaseMode.INSENSITIVE);
        assertThat(run(r).lines()).containsExactly("1:alpha Foo", "2:beta foo");
    }

    @Test
    void lineRegexpCoversTheWholeLine() throws Exception {
        SearchRun r = SearchRun.of("beta foo", a);
        r.match.lineRegexp(true);
        assertThat(run(r).lines()).containsExactly("2:beta foo");
        SearchRun partial = SearchRun.of("beta", a);
        partial.match.lineRegexp(true);
        assertThat(run(partial).lines()).isEmpty();
        assertThat(partial.result.matched()).isFalse();
    }

    @Test
    void invertPrintsTheOtherLines() throws Exception {
        SearchRun r = SearchRun.of("foo", a);
        r.config.invert(true);
        assertThat(run(r).lines()).containsExactly("1:alpha Foo", "3:gamma FOOD", "5:epsilon bar");
    }

    @Test
    void maxCountStopsEachFile() throws Exception {
        SearchRun r = SearchRun.of("a", a);
        r.config.maxCount(2);
        assertThat(run(r).lines()).containsExactly("1:alpha Foo", "2:beta foo");
    }

    @Test
    void severalPatternsMatchAnyOfThem() throws Exception {
        SearchRun r = SearchRun.of("bar", a);
        r.match.pattern("FOOD");
        assertThat(run(r).lines()).containsExactly("3:gamma FOOD", "5:epsilon bar");
    }

    @Test
    void fixedStringsAreNotRegexes() throws Exception {
        Files.writeString(a, "a.c\nabc\n(x)\n");
        SearchRun r = SearchRun.of("a.c", a);
        r.match.fixedStrings(true);
        assertThat(run(r).lines()).containsExactly("1:a.c");
        SearchRun paren = SearchRun.of("(x)", a);
        paren.match.fixedStrings(true);
        assertThat(run(paren).lines()).containsExactly("3:(x)");
    }

    @Test
    void regexWithInnerLiteralAndClassRun() throws Exception {
        Files.writeString(a, "x = new IllegalStateException(\"s\");\nhash 0123456789abcdef0123456789abcdef end\nhash 0123 end\n");
        assertThat(run(SearchRun.of("new [A-Z][A-Za-z]*Exception\\(", a)).lines()).containsExactly("1:x = new IllegalStateException(\"s\");");
        assertThat(run(SearchRun.of("[0-9a-f]{32}", a)).lines()).containsExactly("2:hash 0123456789abcdef0123456789abcdef end");
    }

    @Test
    void contextLinesAndSeparators() throws Exception {
        Files.writeString(a, "1\n2\nhit\n4\n5\n6\n7\nhit\n9\n");
        SearchRun r = SearchRun.of("hit", a);
        r.output.before(1);
        r.output.after(1);
        assertThat(run(r).lines()).containsExactly("2-2", "3:hit", "4-4", "--", "7-7", "8:hit", "9-9");
    }

    @Test
    void overlappingContextIsPrintedOnce() throws Exception {
        Files.writeString(a, "1\nhit\n3\nhit\n5\n");
        SearchRun r = SearchRun.of("hit", a);
        r.output.before(2);
        r.output.after(2);
        assertThat(run(r).lines()).containsExactly("1-1", "2:hit", "3-3", "4:hit", "5-5");
    }

    @Test
    void onlyMatchingPrintsEachMatch() throws Exception {
        Files.writeString(a, "ab12cd345\n");
        SearchRun r = SearchRun.of("[0-9]+", a);
        r.output.onlyMatching(true);
        assertThat(run(r).lines()).containsExactly("1:12", "1:345");
    }

    @Test
    void countsLinesAndMatches() throws Exception {
        Files.writeString(a, "foo foo\nbar\nfoo\n");
        SearchRun lines = SearchRun.of("foo", a);
        lines.output.mode(Mode.COUNT);
        assertThat(run(lines).lines()).containsExactly("2");
        SearchRun matches = SearchRun.of("foo", a);
        matches.output.mode(Mode.COUNT_MATCHES);
        assertThat(run(matches).lines()).containsExactly("3");
    }

    @Test
    void multilineMatchesSpanLines() throws Exception {
        Files.writeString(a, "start\nfoo\nbar\nend\n");
        SearchRun r = SearchRun.of("foo\\nbar", a);
        r.match.multiline(true);
        assertThat(run(r).lines()).containsExactly("2:foo", "3:bar");
        SearchRun plain = SearchRun.of("foo\\nbar", a);
        assertThat(run(plain).lines()).as("without -U a line never contains a newline").isEmpty();
    }

    @Test
    void fixedStringHitsNeedNoRegexConfirmationButKeepEveryOption() throws Exception {
        Files.write(a, ("x Foo y\nfoo\nFOO\n\u00e9 foo \u00ff\n").getBytes(StandardCharsets.ISO_8859_1));
        SearchRun ci = SearchRun.of("foo", a);
        ci.match.fixedStrings(true);
        ci.match.caseMode(CaseMode.INSENSITIVE);
        assertThat(run(ci).lines()).hasSize(4); // the last line is not UTF-8: still a match
        SearchRun inv = SearchRun.of("foo", a);
        inv.match.fixedStrings(true);
        inv.config.invert(true);
        assertThat(run(inv).lines()).containsExactly("1:x Foo y", "3:FOO");
        SearchRun word = SearchRun.of("fo", a);
        word.match.fixedStrings(true);
        assertThat(run(word).lines()).hasSize(2);
        word = SearchRun.of("fo", a);
        word.match.fixedStrings(true);
        word.match.word(true);
        assertThat(run(word).lines()).isEmpty();
        SearchRun two = SearchRun.of("Foo", a);
        two.match.pattern("FOO");
        two.match.fixedStrings(true);
        assertThat(run(two).lines()).containsExactly("1:x Foo y", "3:FOO");
    }

    @Test
    void fixedStringWithANewlineDoesNotMatchOneLine() throws Exception {
        Files.writeString(a, "ab\ncd\n");
        SearchRun r = SearchRun.of("b\nc", a);
        r.match.fixedStrings(true);
        SearchRun done = run(r);
        assertThat(done.lines()).isEmpty();
    }

    @Test
    void unicodeLinesUseUnicodeSemantics() throws Exception {
        Files.writeString(a, "café crème\nplain cafe\nÉCOLE\n", StandardCharsets.UTF_8);
        assertThat(run(SearchRun.of("caf.\\b", a)).lines()).containsExactly("1:café crème", "2:plain cafe");
        SearchRun ci = SearchRun.of("école", a);
        ci.match.caseMode(CaseMode.INSENSITIVE);
        assertThat(run(ci).lines()).containsExactly("3:ÉCOLE");
        SearchRun w = SearchRun.of("\\w+è\\w+", a);
        w.output.onlyMatching(true);
        assertThat(run(w).lines()).containsExactly("1:crème");
    }

    @Test
    void invalidUtf8IsSearchedAsBytes() throws Exception {
        Files.write(a, new byte[] {'o', 'k', ' ', (byte) 0xE9, 't', 'e', ' ', 'h', 'i', 't', '\n'});
        SearchRun r = run(SearchRun.of("hit", a));
        assertThat(r.out).containsSubsequence(new byte[] {'1', ':', 'o', 'k', ' ', (byte) 0xE9});
        assertThat(r.result.matched()).isTrue();
    }

    @Test
    void colorsMarkPathLineNumberAndMatch() throws Exception {
        Files.writeString(a, "x foo y\n");
        SearchRun r = SearchRun.of("foo", a);
        r.output.color(true);
        r.output.withFilename(Boolean.TRUE);
        r.run();
        assertThat(r.output()).contains("\033[35m" + a + "\033[0m:\033[32m1\033[0m:x \033[1;31mfoo\033[0m y");
    }

    @Test
    void longLinesAreCutAroundTheMatch() throws Exception {
        Files.writeString(a, "x".repeat(300) + "needle" + "y".repeat(300) + "\n");
        SearchRun r = SearchRun.of("needle", a);
        r.output.maxColumns(60);
        String line = run(r).lines().get(0);
        assertThat(line).startsWith("1:...").contains("needle").endsWith("...");
        assertThat(line.length()).isLessThan(80);
    }
}
