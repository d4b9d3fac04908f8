package dev.quiver.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.search.match.MatchOptions.CaseMode;
import dev.quiver.search.print.OutputOptions.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matches the fast paths used to drop, each found by the differential test
 * ({@code differential.DifferentialSoundnessTest}) or by the issue that asked for it. Every
 * expected output is what java.util.regex finds line by line.
 */
class SoundnessRegressionTest {
    @TempDir
    Path dir;

    private Path file(byte[] content) throws IOException {
        Path p = dir.resolve("t.txt");
        Files.write(p, content);
        return p;
    }

    private Path file(String content) throws IOException {
        return SearchRun.file(dir, "t.txt", content);
    }

    private static SearchRun search(String pattern, Path file) {
        SearchRun r = SearchRun.of(pattern, file);
        r.output.withFilename(Boolean.FALSE);
        return r;
    }

    @Test
    void closingBracketFirstInClassIsLiteral() throws Exception {
        Path f = file("ax\n]x\na]x\nbx\n");
        assertThat(search("[]a]x", f).run().lines()).containsExactly("1:ax", "2:]x", "3:a]x");
        SearchRun ci = search("[]A]X", f);
        ci.match.caseMode(CaseMode.INSENSITIVE);
        assertThat(ci.run().lines()).containsExactly("1:ax", "2:]x", "3:a]x");
        SearchRun word = search("[]a]x", f);
        word.match.word(true);
        // in "a]x" the only match, "]x", follows a word character
        assertThat(word.run().lines()).containsExactly("1:ax", "2:]x");
    }

    @Test
    void closingBracketFirstInNegatedClassIsLiteral() throws Exception {
        Path f = file("ax\n]x\na]x\nbx\n");
        assertThat(search("[^]a]x", f).run().lines()).containsExactly("4:bx");
        SearchRun word = search("[^]a]x", f);
        word.match.word(true);
        assertThat(word.run().lines()).containsExactly("4:bx");
    }

    @Test
    void rangeAfterLeadingClosingBracket() throws Exception {
        Path f = file("]\nb\n-\nd\n");
        assertThat(search("[]a-c]", f).run().lines()).containsExactly("1:]", "2:b");
        SearchRun ci = search("[]A-C]", f);
        ci.match.caseMode(CaseMode.INSENSITIVE);
        assertThat(ci.run().lines()).containsExactly("1:]", "2:b");
    }

    @Test
    void anchoredClassWithLeadingClosingBracket() throws Exception {
        Path f = file("]Abb\nbAb x\nbab\n]Ab-\n");
        assertThat(search("^[]b]Ab+", f).run().lines()).containsExactly("1:]Abb", "2:bAb x", "4:]Ab-");
        SearchRun ci = search("^[]b]Ab+", f);
        ci.match.caseMode(CaseMode.INSENSITIVE);
        assertThat(ci.run().lines()).containsExactly("1:]Abb", "2:bAb x", "3:bab", "4:]Ab-");
        SearchRun word = search("^[]b]Ab+", f);
        word.match.word(true);
        // every match ends at a word boundary; line 3 has no upper-case A
        assertThat(word.run().lines()).containsExactly("1:]Abb", "2:bAb x", "4:]Ab-");
    }

    @Test
    void closingBracketIsLiteralUntilANestedClassHasAMember() throws Exception {
        // '[[]\t-x]]' is the class {']', TAB..'x'}; CR is in it
        Path f = file("\r\nz\n");
        assertThat(search("[[]\\t-x]]", f).run().lines()).containsExactly("1:\r");
    }

    @Test
    void quantifierAfterQuoteTakesOnlyTheLastQuotedCharacter() throws Exception {
        Path f = file("a\n\nb\n");
        assertThat(search("\\Qab\\E?", f).run().lines()).containsExactly("1:a");
        assertThat(search("^\\Q&\\E?$", f).run().lines()).containsExactly("2:");
    }

    @Test
    void quantifierWithNothingBeforeItIsNoLiteral() throws Exception {
        // '{0}' repeats nothing and matches everywhere; it once made "0}" a required literal
        Path f = file("\u0131\nx\n");
        assertThat(search("{0}", f).run().lines()).containsExactly("1:\u0131", "2:x");
    }

    @Test
    void replacementCharacterInPatternMatchesInvalidBytes() throws Exception {
        // an invalid byte matches as U+FFFD, so a literal U+FFFD cannot be looked for as bytes
        Path f = file(new byte[] {'x', (byte) 0xC3, '\n', 'y', (byte) 0x80, '\n', 'z', '\n'});
        assertThat(search("\ufffd", f).run().lines()).hasSize(2);
        SearchRun fixed = search("y\ufffd", f);
        fixed.match.fixedStrings(true);
        assertThat(fixed.run().lines()).hasSize(1);
    }

    @Test
    void ignoreCaseLiteralMatchesItsNonAsciiCasePartners() throws Exception {
        // java.util.regex, ignoring case with Unicode rules: k ~ Kelvin sign, s ~ long s, i ~ İ and ı
        Path f = file("\u212a\nHA\u017fHMAP\n\u0130f\nnothing\n");
        for (String p : new String[] {"k", "hashmap", "if"}) {
            SearchRun r = search(p, f);
            r.match.caseMode(CaseMode.INSENSITIVE);
            assertThat(r.run().lines()).as(p).hasSize(1);
            SearchRun fixed = search(p, f);
            fixed.match.caseMode(CaseMode.INSENSITIVE);
            fixed.match.fixedStrings(true);
            assertThat(fixed.run().lines()).as("-F " + p).hasSize(1);
        }
        SearchRun longS = search("\u017f", file("s\nS\nx\n"));
        longS.match.caseMode(CaseMode.INSENSITIVE);
        assertThat(longS.run().lines()).as("ſ on ASCII lines").containsExactly("1:s", "2:S");
    }

    @Test
    void classesMeanTheSameOnAsciiAndUnicodeLines() throws Exception {
        // Unicode punctuation has no '$': an ASCII line must not answer otherwise than a Unicode one
        Path f = file("$\n$\u00e9\n!\n");
        assertThat(search("\\p{Punct}", f).run().lines()).containsExactly("3:!");
    }

    @Test
    void endOfInputAnchorMatchesAtEachLineEnd() throws Exception {
        Path f = file("ab\ncd\n");
        assertThat(search("[ab]\\z", f).run().lines()).containsExactly("1:ab");
        assertThat(search("\\A[cd]", f).run().lines()).containsExactly("2:cd");
    }

    @Test
    void lookBehindDoesNotSeeThePreviousLine() throws Exception {
        Path f = file("x\nb\nab\n");
        assertThat(search("(?<![^a])[bc]", f).run().lines()).containsExactly("2:b", "3:ab");
    }

    @Test
    void multilineFlagTurnedOffStillAnchorsEachLine() throws Exception {
        Path f = file("x\nb\n");
        assertThat(search("(?-m)^[bc]", f).run().lines()).containsExactly("2:b");
    }

    @Test
    void quotedNewlineMakesAPatternMultiline() throws Exception {
        // with -U, -c counts matches for a pattern that can match a newline (rg 13 prints 2 here:
        // two matches sharing line 2); the quote was once tried on a newline as a whole ("b\nc"),
        // found unable to match one, and its block of lines counted once
        Path f = file("ab\ncb\nc\n");
        SearchRun r = search("b\nc", f);
        r.match.fixedStrings(true);
        r.match.multiline(true);
        r.output.mode(Mode.COUNT);
        assertThat(r.run().lines()).containsExactly("2");
    }

    @Test
    void patternEndingInACommentCanBeWrapped() throws Exception {
        Path f = file("a\nab\n");
        SearchRun line = search("(?x)a#comment", f);
        line.match.lineRegexp(true);
        assertThat(line.run().lines()).containsExactly("1:a");
        SearchRun word = search("(?x)a#comment", f);
        word.match.word(true);
        assertThat(word.run().lines()).containsExactly("1:a");
        SearchRun two = search("(?x)b#comment", f);
        two.match.pattern("^a$");
        assertThat(two.run().lines()).containsExactly("1:a", "2:ab");
    }

    @Test
    void patternEndingInAnOpenQuoteCanBeWrapped() throws Exception {
        Path f = file("a)\na\n");
        SearchRun line = search("\\Qa", f);
        line.match.lineRegexp(true);
        assertThat(line.run().lines()).containsExactly("2:a");
    }

    @Test
    void commentHoldingAQuoteCanBeWrapped() throws Exception {
        // Java opens the \Q before it reads the comment: both must be closed
        SearchRun line = search("(?x)#\\Q", file("\nb\n"));
        line.match.lineRegexp(true);
        assertThat(line.run().lines()).containsExactly("1:");
    }

    @Test
    void possessiveQuantifierOverANewlineStillMatchesEachLine() throws Exception {
        // run over the whole buffer, \H*+ ate the newline after the empty line and never gave it back
        SearchRun empty = search("\\H*+", file("\n\t\n"));
        empty.match.lineRegexp(true);
        assertThat(empty.run().lines()).containsExactly("1:");
        SearchRun run = search("[^-]{1,3}+", file("a\na\r\n"));
        run.match.lineRegexp(true);
        assertThat(run.run().lines()).containsExactly("1:a", "2:a\r");
        SearchRun word = search("([^a]?){2}+", file("\na\n"));
        word.match.word(true);
        assertThat(word.run().lines()).containsExactly("1:");
    }

    @Test
    void atomicGroupOverANewlineStillMatchesEachLine() throws Exception {
        SearchRun r = search("(?>[^]]|)", file("\n]\n"));
        r.match.lineRegexp(true);
        assertThat(r.run().lines()).containsExactly("1:");
    }

    @Test
    void graphemeEscapeDoesNotTakeTheNextLinesNewline() throws Exception {
        // \X takes the cluster "\r\n" whole in the buffer; on the line "a\r" alone it matches the "\r"
        assertThat(search("[ab]\\X$", file("a\r\nb\n")).run().lines()).containsExactly("1:a\r");
    }

    @Test
    void nonAsciiLetterIgnoringCaseMatchesInAClassRun() throws Exception {
        // the run prefilter's byte sets held no ASCII byte for ſ and ı, which match S and I
        SearchRun longS = search("\u017f{2}", file("SS\nx\n"));
        longS.match.caseMode(CaseMode.INSENSITIVE);
        assertThat(longS.run().lines()).containsExactly("1:SS");
        SearchRun dotless = search("[-]\u0131", file("-I\n-x\n"));
        dotless.match.caseMode(CaseMode.INSENSITIVE);
        assertThat(dotless.run().lines()).containsExactly("1:-I");
    }

    @Test
    void classJavaCannotMatchIsRejectedUpFront() throws Exception {
        // '[a-c|&&]' compiles, then java.util.regex throws NullPointerException on 'b' (a JDK bug):
        // one clear error, not the same exception on every file
        SearchRun r = search("x[a-c|&&]", file("xb\n"));
        assertThatThrownBy(r::run).isInstanceOf(PatternSyntaxException.class).hasMessageContaining("fails when it matches");
    }

    @Test
    void eachPatternMustBeValidOnItsOwn() throws Exception {
        // "(?:(a)|(?:b))" compiles, but neither '(a' nor 'b)' does
        SearchRun r = search("(a", file("a\n"));
        r.match.pattern("b)");
        assertThatThrownBy(r::run).isInstanceOf(PatternSyntaxException.class);
    }
}
