package dev.quiver.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.search.print.OutputOptions.Mode;
import dev.quiver.search.walk.WalkOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regressions for the divergences from ripgrep found by {@code bench/search-diff.sh}; each
 * expected output is what {@code rg 13} prints for the same search.
 */
class RipgrepDivergenceTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return SearchRun.file(dir, name, content);
    }

    private static SearchRun quiet(SearchRun r) {
        r.output.withFilename(Boolean.FALSE);
        return r;
    }

    @Test
    void caretDollarMatchesEmptyLines() throws Exception {
        // java.util.regex in MULTILINE mode never matches ^ at the end of its input, and a line is
        // matched as a region ending at its newline: an empty line is such a region
        Path ascii = file("a.txt", "a\n\nb\n\n");
        assertThat(quiet(SearchRun.of("^$", ascii)).run().lines()).containsExactly("2:", "4:");
        Path utf8 = file("u.txt", "é\n\nb\n");
        assertThat(quiet(SearchRun.of("^$", utf8)).run().lines()).containsExactly("2:");
        SearchRun x = quiet(SearchRun.of("", ascii));
        x.match.lineRegexp(true);
        assertThat(x.run().lines()).containsExactly("2:", "4:");
        SearchRun lit = quiet(SearchRun.of("^b?$", ascii));
        assertThat(lit.run().lines()).containsExactly("2:", "3:b", "4:");
    }

    @Test
    void maxCountZeroSearchesNothing() throws Exception {
        Path a = file("a.txt", "foo\n");
        file("b.txt", "bar\n");
        for (Mode mode : new Mode[] {Mode.LINES, Mode.COUNT,
                Mode.FILES_WITHOUT_MATCH, Mode.FILES_WITH_MATCHES}) {
            SearchRun r = SearchRun.of("foo", dir);
            r.config.maxCount(0);
            r.output.mode(mode);
            r.run();
            assertThat(r.output()).as(mode.name()).isEmpty();
            assertThat(r.result.matched()).as(mode.name()).isFalse();
        }
        SearchRun files = SearchRun.of("", a);
        files.config.maxCount(0);
        files.output.mode(Mode.FILES);
        assertThat(files.run().lines()).as("--files is not a search").containsExactly(a.toString());
    }

    private List<String> files(SearchRun r) throws InterruptedException {
        r.output.mode(Mode.FILES);
        r.output.withFilename(Boolean.TRUE);
        return r.run().sortedLines();
    }

    private String rel(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void aWhitelistedHiddenFileIsSearched() throws Exception {
        // rg applies the hidden rule only to entries no glob, ignore file or type whitelisted
        Files.createDirectories(dir.resolve(".git"));
        file(".gitignore", "!.config\n");
        file(".config/c.txt", "x\n");
        file(".hidden.txt", "x\n");
        file(".bashrc", "x\n");
        file("a.txt", "x\n");
        assertThat(files(SearchRun.of("", dir))).containsExactly(rel(".config/c.txt"), rel("a.txt"));
        SearchRun typed = SearchRun.of("", dir);
        typed.walk = WalkOptions.builder().types(List.of("txt"));
        assertThat(files(typed)).containsExactly(rel(".config/c.txt"), rel(".hidden.txt"), rel("a.txt"));
        SearchRun globbed = SearchRun.of("", dir);
        globbed.walk = WalkOptions.builder().globs(List.of("*rc"));
        assertThat(files(globbed)).containsExactly(rel(".bashrc"));
    }

    @Test
    void anIgnoreFileOutranksADeeperGitignore() throws Exception {
        // rg: .rgignore over .ignore over .gitignore, whatever their depth
        Files.createDirectories(dir.resolve(".git"));
        file(".ignore", "*.log\n");
        file("sub/.gitignore", "!keep.log\n");
        file("sub/keep.log", "x\n");
        file("sub/a.txt", "x\n");
        assertThat(files(SearchRun.of("", dir))).containsExactly(rel("sub/a.txt"));
    }

    @Test
    void typesAreRipgrepsAndGlobsHaveAlternatives() throws Exception {
        file("a.c", "x\n");
        file("b.H", "x\n");
        file("c.h.in", "x\n");
        file("Makefile", "x\n");
        file("d.pm", "x\n");
        file("e.txt", "x\n");
        SearchRun c = SearchRun.of("", dir);
        c.walk = WalkOptions.builder().types(List.of("c"));
        assertThat(files(c)).containsExactly(rel("a.c"), rel("b.H"), rel("c.h.in"));
        SearchRun more = SearchRun.of("", dir);
        more.walk = WalkOptions.builder().types(List.of("make", "perl"));
        assertThat(files(more)).containsExactly(rel("Makefile"), rel("d.pm"));
        SearchRun braces = SearchRun.of("", dir);
        braces.walk = WalkOptions.builder().globs(List.of("*.{c,txt}"));
        assertThat(files(braces)).containsExactly(rel("a.c"), rel("e.txt"));
    }

    @Test
    void aBadGlobInAnIgnoreFileIsReportedAndOnlyItsLineIsSkipped() throws Exception {
        // rg 13: "g/.gitignore: line 1: error parsing glob '{{x}': nested alternate groups are not
        // allowed", the other lines apply, g is searched, and the exit status is 0 on a match
        Files.createDirectories(dir.resolve(".git"));
        file("g/.gitignore", "{{x}\n*.skip\n");
        file("g/a.txt", "foo\n");
        file("g/b.skip", "foo\n");
        SearchRun r = SearchRun.of("foo", dir.resolve("g"));
        r.output.withFilename(Boolean.TRUE);
        assertThat(r.run().lines()).containsExactly(rel("g/a.txt") + ":1:foo");
        assertThat(r.errors).isEmpty();
        assertThat(r.notes).containsExactly(rel("g/.gitignore")
                + ": line 1: error parsing glob '{{x}': nested alternate groups are not allowed");
        assertThat(r.result.errors()).isFalse();
        assertThat(r.result.matched()).isTrue();
    }

    @Test
    void aBadDashGGlobIsAGlobErrorNamingTheGlobAsTyped() {
        SearchRun r = SearchRun.of("foo", dir);
        r.walk = WalkOptions.builder().globs(List.of("!{a,{b}"));
        assertThatThrownBy(r::run).isInstanceOf(dev.quiver.search.walk.GlobException.class)
                .hasMessage("error parsing glob '!{a,{b}': nested alternate groups are not allowed");
    }

    @Test
    void anEnclosingRepositorysGitignoreDoesNotApplyInsideANestedRepository() throws Exception {
        // rg 13 (checked on a scratch tree): a directory holding .git, a directory (nested clone) or
        // a file (submodule, worktree), is a repository of its own; the .gitignore files above it
        // do not apply inside it, the .ignore files above it do, also when it is the search root
        Files.createDirectories(dir.resolve(".git"));
        file(".gitignore", "*.log\n");
        file(".ignore", "*.ign\n");
        Files.createDirectories(dir.resolve("inner/.git"));
        file("innerf/.git", "gitdir: /nowhere\n");
        for (String d : new String[] {"", "inner/", "inner/sub/", "innerf/", "plain/"}) {
            file(d + "a.log", "x\n");
            file(d + "b.ign", "x\n");
            file(d + "c.txt", "x\n");
        }
        file("inner/.gitignore", "*.txt\n");
        assertThat(files(SearchRun.of("", dir))).containsExactly(rel("c.txt"), rel("inner/a.log"),
                rel("inner/sub/a.log"), rel("innerf/a.log"), rel("innerf/c.txt"), rel("plain/c.txt"));
        assertThat(files(SearchRun.of("", dir.resolve("inner/sub")))).as("root inside the nested repository")
                .containsExactly(rel("inner/sub/a.log"));
        assertThat(files(SearchRun.of("", dir.resolve("plain")))).as("root inside the outer repository")
                .containsExactly(rel("plain/c.txt"));
    }

    @Test
    void aRepositorysInfoExcludeIsReadBelowItsGitignores() throws Exception {
        // rg 13 (checked on a scratch tree): .git/info/exclude applies to its repository only, and a
        // .gitignore rule outranks it
        file(".git/info/exclude", "*.ex\n/sub/x.txt\n");
        file(".gitignore", "!keep.ex\n");
        file("inner/.git/info/exclude", "b.*\n");
        for (String f : new String[] {"a.ex", "keep.ex", "b.txt", "sub/x.txt", "sub/y.ex", "inner/a.ex", "inner/b.txt",
                "inner/sub/x.txt"}) {
            file(f, "x\n");
        }
        assertThat(files(SearchRun.of("", dir))).containsExactly(rel("b.txt"), rel("inner/a.ex"), rel("inner/sub/x.txt"),
                rel("keep.ex"));
    }

    /** 16-byte lines "line 000001 foo\n"... up to {@code nulAt}, then a NUL and one more match. */
    private Path lateNul(String name, int nulAt) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 1; b.length() < nulAt; i++) {
            b.append(String.format("line %06d foo\n", i)); // "\n", not %n: 16-byte lines on every platform
        }
        b.setLength(nulAt);
        b.append("\0tail foo\n");
        return file(name, b.toString());
    }

    @Test
    void aBinaryFileFoundWhileWalkingStopsAtItsNulAsInRipgrep() throws Exception {
        lateNul("late.txt", 70000); // the NUL is in rg's second 64 KiB read: the first is searched
        lateNul("early.txt", 5000); // the NUL is in rg's first read: nothing is searched
        file("none.txt", "bar\n");
        SearchRun lines = SearchRun.of("foo", dir);
        List<String> out = lines.run().lines();
        assertThat(out).hasSize(4097);
        assertThat(out.get(4095)).isEqualTo(rel("late.txt") + ":4096:line 004096 foo");
        assertThat(out.get(4096)).isEqualTo(rel("late.txt")
                + ": WARNING: stopped searching binary file after match (found \"\\0\" byte around offset 70000)");
        SearchRun count = SearchRun.of("foo", dir);
        count.output.mode(Mode.COUNT);
        assertThat(count.run().output()).as("rg drops the counts of such files").isEmpty();
        assertThat(count.result.matched()).isFalse();
        SearchRun without = SearchRun.of("foo", dir);
        without.output.mode(Mode.FILES_WITHOUT_MATCH);
        assertThat(without.run().lines()).containsExactly(rel("none.txt"));
        SearchRun with = SearchRun.of("foo", dir);
        with.output.mode(Mode.FILES_WITH_MATCHES);
        assertThat(with.run().lines()).as("rg stops at the first match, before the NUL").containsExactly(rel("late.txt"));
        SearchRun explicit = SearchRun.of("foo", dir.resolve("early.txt"));
        assertThat(explicit.run().lines()).as("a file named on the command line is searched whole")
                .containsExactly(rel("early.txt") + ": binary file matches (found \"\\0\" byte around offset 5000)");
    }

    @Test
    void filesWithoutMatchSucceedsForAWalkedBinaryFileItStoppedSearching() throws Exception {
        // rg 13: `rg --files-without-match foo t` prints nothing and exits 0 when t holds only
        // binary files whose search stopped at the NUL, whether they matched before it or not
        file("t/match.bin", "foo\n\0\n");
        file("t/nomatch.bin", "bar\n\0foo\n");
        SearchRun r = SearchRun.of("foo", dir.resolve("t"));
        r.output.mode(Mode.FILES_WITHOUT_MATCH);
        assertThat(r.run().output()).isEmpty();
        assertThat(r.result.matched()).isTrue();
        SearchRun named = SearchRun.of("foo", dir.resolve("t/match.bin"));
        named.output.mode(Mode.FILES_WITHOUT_MATCH);
        assertThat(named.run().output()).isEmpty();
        assertThat(named.result.matched()).as("named on the command line: it matches (rg: exit 1)").isFalse();
    }

    @Test
    void jsonGivesTheNulOffsetAndTheBytesRipgrepSearchedOfABinaryFile() throws Exception {
        // rg 13 --json: found while walking, "binary_offset":70000 and "bytes_searched":65536 (its
        // first read, searched before the read holding the NUL); named on the command line,
        // the NUL's offset for both
        lateNul("late.txt", 70000);
        file("e.bin", "foo\nbar\nbaz\n\0\nfoo\n");
        SearchRun walked = SearchRun.of("foo", dir);
        walked.walk = WalkOptions.builder().globs(List.of("late.txt"));
        walked.output.mode(Mode.JSON);
        String end = walked.run().lines().stream().filter(l -> l.startsWith("{\"type\":\"end\"")).findFirst().orElseThrow();
        assertThat(end).contains("\"binary_offset\":70000,").contains("\"bytes_searched\":65536,")
                .contains("\"matched_lines\":4096,");
        SearchRun named = SearchRun.of("foo", dir.resolve("e.bin"));
        named.output.mode(Mode.JSON);
        String end2 = named.run().lines().stream().filter(l -> l.startsWith("{\"type\":\"end\"")).findFirst().orElseThrow();
        assertThat(end2).contains("\"binary_offset\":12,").contains("\"bytes_searched\":12,");
    }

    /** Lines "line 000001 bar\n"... ("foo" on the lines in {@code foos}) with a NUL inserted at {@code nul}. */
    private Path numbered(String name, int lines, int nul, int... foos) throws IOException {
        StringBuilder b = new StringBuilder(lines * 17);
        for (int i = 1; i <= lines; i++) {
            int n = i;
            b.append(String.format("line %06d %s\n", i, java.util.Arrays.stream(foos).anyMatch(f -> f == n) ? "foo" : "bar"));
        }
        b.insert(nul, '\0');
        return file(name, b.toString());
    }

    private List<String> walked(String glob, int before, int after, long maxCount) throws InterruptedException {
        SearchRun r = SearchRun.of("foo", dir);
        r.walk = WalkOptions.builder().globs(List.of(glob));
        r.output.before(before);
        r.output.after(after);
        r.config.maxCount(maxCount);
        // the lines without their path (and the ':' or '-' after it)
        String path = rel(glob);
        return r.run().lines().stream().map(l -> l.startsWith(path) ? l.substring(path.length() + 1) : l).toList();
    }

    private static String warning(long offset) {
        return " WARNING: stopped searching binary file after match (found \"\\0\" byte around offset " + offset + ")";
    }

    @Test
    void aBinaryFileFoundWhileWalkingWithContextStopsWhereRipgrepStops() throws Exception {
        // rg 13 keeps max(-A, -B) + 1 lines when it rolls its buffer, or less when a later line was
        // printed, so the read with the NUL starts elsewhere than without context (outputs: rg 13)
        numbered("kept.txt", 9000, 131015, 5000); // without context, rg stops before line 5000
        numbered("visited.txt", 9000, 131050, 4095, 5000);
        numbered("tail.txt", 5000, 70000, 4096);
        assertThat(walked("kept.txt", 0, 0, -1)).isEmpty();
        assertThat(walked("kept.txt", 3, 3, -1)).containsExactly("4997-line 004997 bar", "4998-line 004998 bar",
                "4999-line 004999 bar", "5000:line 005000 foo", "5001-line 005001 bar", "5002-line 005002 bar",
                "5003-line 005003 bar", warning(131015));
        assertThat(walked("visited.txt", 3, 3, -1)).containsExactly("4092-line 004092 bar", "4093-line 004093 bar",
                "4094-line 004094 bar", "4095:line 004095 foo", "4096-line 004096 bar", warning(131050));
        assertThat(walked("visited.txt", 0, 1, -1)).containsExactly("4095:line 004095 foo", "4096-line 004096 bar",
                warning(131050));
        assertThat(walked("tail.txt", 0, 2, 1)).as("-m reached, but rg reads on for the after-context and sees the NUL")
                .containsExactly("4096:line 004096 foo", warning(70000));
        assertThat(walked("tail.txt", 0, 0, 1)).containsExactly("4096:line 004096 foo");
    }

    @Test
    void multilineLooksForTheNulOfAWalkedFileInItsFirst64KibOnly() throws Exception {
        // rg 13's multiline searcher reads the whole file and checks its first 64 KiB for a NUL:
        // a NUL there means nothing is searched, a NUL further on is not seen (outputs: rg 13)
        numbered("late.bin", 20000, 220002, 10, 15000);
        numbered("early.bin", 20000, 30000, 10, 15000);
        numbered("edge.bin", 20000, 65535, 10, 15000);
        numbered("edge2.bin", 20000, 65536, 10, 15000);
        SearchRun lines = SearchRun.of("foo\\n", dir);
        lines.match.multiline(true);
        assertThat(lines.run().sortedLines()).containsExactly(rel("edge2.bin") + ":10:line 000010 foo",
                rel("edge2.bin") + ":15000:line 015000 foo", rel("late.bin") + ":10:line 000010 foo",
                rel("late.bin") + ":15000:line 015000 foo");
        SearchRun count = SearchRun.of("foo\\n", dir);
        count.match.multiline(true);
        count.output.mode(Mode.COUNT_MATCHES);
        assertThat(count.run().sortedLines()).containsExactly(rel("edge2.bin") + ":2", rel("late.bin") + ":2");
        SearchRun explicit = SearchRun.of("foo\\n", dir.resolve("late.bin"));
        explicit.match.multiline(true);
        explicit.output.withFilename(Boolean.FALSE);
        assertThat(explicit.run().lines()).as("named on the command line: the same window")
                .containsExactly("10:line 000010 foo", "15000:line 015000 foo");
    }

    @Test
    void theNulOffsetOfAWalkedBinaryFileDoesNotCountItsUtf8Bom() throws Exception {
        Path p = numbered("bom.txt", 9000, 70000, 10, 4097);
        byte[] body = Files.readAllBytes(p);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(p, withBom);
        assertThat(walked("bom.txt", 0, 0, -1)).as("rg 13").containsExactly("10:line 000010 foo", warning(70000));
    }

    @Test
    void aMatchInTheTrailingContextAfterMaxCountIsAMatchInABinaryFileToo() throws Exception {
        numbered("m.txt", 5000, 70000, 10, 11, 12);
        // rg stops after line 12: it never reads the NUL
        assertThat(walked("m.txt", 0, 2, 1)).containsExactly("10:line 000010 foo", "11:line 000011 foo", "12:line 000012 foo");
    }

    @Test
    void aLargeBinaryFileFoundWhileWalkingIsSearchedUpToRipgrepsLastReadBeforeItsNul() throws Exception {
        // larger than LineBuffer.CHUNK, with the NUL in the second chunk (outputs: rg 13)
        int lines = ((16 << 20) + 300000) / 16;
        numbered("big.txt", lines, (16 << 20) + 200000, 1048000, 1054826, 1060000, 1060870);
        assertThat(walked("big.txt", 0, 0, -1)).containsExactly("1048000:line 1048000 foo", "1054826:line 1054826 foo",
                warning((16 << 20) + 200000));
        assertThat(walked("big.txt", 1, 1, -1)).containsExactly("1047999-line 1047999 bar", "1048000:line 1048000 foo",
                "1048001-line 1048001 bar", "--", "1054825-line 1054825 bar", "1054826:line 1054826 foo",
                "1054827-line 1054827 bar", warning((16 << 20) + 200000));
    }

    @Test
    void beforeContextDoesNotShowTheUtf8Bom() throws Exception {
        Path bom = dir.resolve("bom.txt");
        Files.write(bom, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'f', 'o', 'o', '\n', 'b', '\n'});
        SearchRun r = quiet(SearchRun.of("foo", bom));
        r.output.before(1);
        assertThat(r.run().output()).isEqualTo("1:foo\n");
    }

    @Test
    void aMatchInTheTrailingContextAfterMaxCountIsShownAsAMatch() throws Exception {
        Path f = file("m.txt", "e1\ne2\ne3\nx\ne5\n");
        SearchRun r = quiet(SearchRun.of("e", f));
        r.config.maxCount(1);
        r.output.after(1);
        assertThat(r.run().output()).isEqualTo("1:e1\n2:e2\n");
        SearchRun inv = quiet(SearchRun.of("x", f));
        inv.config.invert(true);
        inv.config.maxCount(1);
        inv.output.after(1);
        assertThat(inv.run().output()).isEqualTo("1:e1\n2:e2\n");
    }
}
