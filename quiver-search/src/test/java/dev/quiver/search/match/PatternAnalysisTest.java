package dev.quiver.search.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the fast paths may conclude from a pattern; each answer errs only on the side of "say less". */
class PatternAnalysisTest {
    private static PatternAnalysis of(String pattern) {
        return PatternAnalysis.of(pattern, false);
    }

    @Test
    void requiredLiteralsReadClassesAsJavaDoes() {
        // '[]a]' is one class: the literal is "x", not "a]x" (which dropped "ax" and "]x")
        assertThat(of("[]a]x").requiredLiterals()).containsExactly("x");
        assertThat(of("[^]a]x").requiredLiterals()).containsExactly("x");
        assertThat(of("^[]b]Ab+").requiredLiterals()).containsExactly("Ab");
        assertThat(of("[]a-c]").requiredLiterals()).isEmpty();
        assertThat(of("new [A-Z][A-Za-z]*Exception\\(").requiredLiterals()).containsExactly("Exception(");
    }

    @Test
    void aQuantifierAfterAQuoteTakesOnlyItsLastCharacter() {
        assertThat(of("\\Qab\\E?").requiredLiterals()).containsExactly("a");
        assertThat(of("\\Q&\\E?").requiredLiterals()).isEmpty();
        assertThat(of("\\Qabc\\E+d").requiredLiterals()).containsExactly("abc");
    }

    @Test
    void aQuantifierWithNothingBeforeItRequiresNothing() {
        assertThat(of("{0}").requiredLiterals()).isEmpty();
        assertThat(of("ab{2}{3}").requiredLiterals()).containsExactly("ab");
    }

    @Test
    void oneLiteralPerAlternativeOrNone() {
        assertThat(of("return null|throw new").requiredLiterals()).containsExactly("return null", "throw new");
        assertThat(of("foo|[a-z]").requiredLiterals()).isEmpty();
        assertThat(of("(?i)foo").requiredLiterals()).isEmpty();
    }

    @Test
    void literalsLeaveOutWhatTheirBytesCannotFind() {
        // U+FFFD also stands for every invalid byte
        assertThat(of("a\ufffdbc").requiredLiterals()).containsExactly("bc");
        assertThat(PatternAnalysis.literalUsable(0xFFFD, false)).isFalse();
        // ignoring case, only ASCII is folded byte-wise
        assertThat(PatternAnalysis.of("caf\u00e9s", true).requiredLiterals()).containsExactly("caf");
        assertThat(PatternAnalysis.longestUsableRun("kiss", true)).isEqualTo("kiss");
    }

    @Test
    void caseFoldPartnersAreTheNonAsciiCharactersALetterMatches() {
        // ignoring case, k also matches the Kelvin sign, s the long s, i the dotted and dotless I
        assertThat(PatternAnalysis.caseFoldPartners("oncreate")).isEmpty();
        assertThat(PatternAnalysis.caseFoldPartners("hashmap")).isEqualTo("\u017f");
        assertThat(PatternAnalysis.caseFoldPartners("Kiss")).isEqualTo("\u212a\u0130\u0131\u017f");
    }

    @Test
    void theLettersWithANonAsciiCasePartnerAreAllKnown() {
        // every non-ASCII character that java.util.regex matches to an ASCII one ignoring case
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            int upper = Character.toUpperCase(cp);
            int lower = Character.toLowerCase(upper);
            for (int c : new int[] {upper, lower, Character.toLowerCase(cp)}) {
                if (c < 0x80) {
                    String partner = new String(Character.toChars(cp));
                    assertThat(PatternAnalysis.caseFoldPartners(String.valueOf((char) c))).as("U+%04X ~ %c", cp, (char) c)
                            .contains(partner);
                    assertThat(Pattern.compile(partner, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                            .matcher(String.valueOf((char) c)).matches()).isTrue();
                }
            }
        }
    }

    @Test
    void mayMatchNewlineTriesEachTokenWithItsFlags() {
        assertThat(of("a\\nb").mayMatchNewline()).isTrue();
        assertThat(of("\\Q\r\n\\E").mayMatchNewline()).as("a quoted newline").isTrue();
        assertThat(of("[^a]").mayMatchNewline()).isTrue();
        assertThat(of("\\s").mayMatchNewline()).isTrue();
        assertThat(of("(?s).").mayMatchNewline()).isTrue();
        assertThat(of("\\R").mayMatchNewline()).isTrue();
        assertThat(of("(?s)a").mayMatchNewline()).as("DOTALL with no dot").isFalse();
        assertThat(of("\\S+\\x6f(?:o)").mayMatchNewline()).isFalse();
        assertThat(of("[]\n]").mayMatchNewline()).isTrue();
        // under (?x) a newline in the pattern is whitespace
        assertThat(of("(?x)a\n b").mayMatchNewline()).isFalse();
        assertThat(of("\\q").mayMatchNewline()).as("not understood: may").isTrue();
    }

    @Test
    void asciiPatternAgreesUnlessAClassOrCaseFoldingDiffers() {
        assertThat(of("[a-z]+\\w\\d\\s\\b.").asciiAgreesWithUnicode()).isTrue();
        // POSIX punctuation holds $+<=>^`|~, Unicode punctuation does not
        assertThat(of("\\p{Punct}").asciiAgreesWithUnicode()).isFalse();
        assertThat(of("\u017f").asciiAgreesWithUnicode()).as("no case folding: ſ matches only itself").isTrue();
        assertThat(PatternAnalysis.of("\u017f", true).asciiAgreesWithUnicode()).as("ſ matches s ignoring case").isFalse();
        assertThat(of("(?i)[\u212a]").asciiAgreesWithUnicode()).isFalse();
        assertThat(PatternAnalysis.of("\u00e9", true).asciiAgreesWithUnicode()).isTrue();
    }

    @Test
    void bufferSearchIsRefusedWhereItLooksPastALine() {
        assertThat(of("^a[bc]$|\\bx\\B").bufferSearchFindsLineMatches()).isTrue();
        assertThat(of("[ab]\\z").bufferSearchFindsLineMatches()).isFalse();
        assertThat(of("\\A[ab]").bufferSearchFindsLineMatches()).isFalse();
        assertThat(of("(?<![^a])b").bufferSearchFindsLineMatches()).isFalse();
        assertThat(of("(?-m)^b").bufferSearchFindsLineMatches()).isFalse();
        assertThat(of("(?-d)b$").bufferSearchFindsLineMatches()).isFalse();
        // in the buffer these would eat a newline and not give it back
        assertThat(of("\\H*+").bufferSearchFindsLineMatches()).isFalse();
        assertThat(of("([^a]?){2}+").bufferSearchFindsLineMatches()).isFalse();
        assertThat(of("(?>[^]]|)").bufferSearchFindsLineMatches()).isFalse();
        assertThat(of("[ab]\\X").bufferSearchFindsLineMatches()).isFalse();
        // possessive or atomic over what cannot be a newline is fine
        assertThat(of("[a-z]++(?>xy|z)\\d{2}+").bufferSearchFindsLineMatches()).isTrue();
    }

    @Test
    void aWrappedPatternIsClosedFirst() {
        assertThat(of("\\Qa").openEnd()).isEqualTo("\\E");
        assertThat(of("(?x)a#c").openEnd()).isEqualTo("\n");
        // Java opens the quote inside the comment first
        assertThat(of("(?x)#\\Q").openEnd()).isEqualTo("\\E\n");
        assertThat(of("a#c").openEnd()).isEmpty();
    }

    @Test
    void classRunsCoverEveryByteAMatchingCharacterMayHave() {
        PatternAnalysis.ClassRun run = of("[0-9a-f]{32}").longestClassRun(false);
        assertThat(run.length()).isEqualTo(32);
        assertThat(run.bytes()['a']).isTrue();
        assertThat(run.bytes()['g']).isFalse();
        assertThat(run.bytes()['\n']).isFalse();
        // bytes of multi-byte characters, and invalid bytes (which match as U+FFFD)
        assertThat(run.bytes()[0xE9]).isTrue();
        // a ']' first is a member, not the end of the class
        PatternAnalysis.ClassRun bracket = of("[]a]{3}").longestClassRun(false);
        assertThat(bracket.length()).isEqualTo(3);
        assertThat(bracket.bytes()[']']).isTrue();
        // \p{Punct} on an ASCII line and on a Unicode line: both readings are in the set
        assertThat(of("\\p{Punct}{2}").longestClassRun(false).bytes()['$']).isTrue();
        // ignoring case, ſ matches S and s
        assertThat(PatternAnalysis.of("\u017f{2}", true).longestClassRun(false).bytes()['S']).isTrue();
    }

    @Test
    void inMultilineModeARunStopsAtAnItemThatMayBeANewline() {
        assertThat(of("[a-z]+\\n[a-z]").longestClassRun(true)).isNull();
        assertThat(of("[a-z]{3}\\s[a-z]{2}").longestClassRun(true).length()).isEqualTo(3);
        assertThat(of("[a-z]{3}\\s[a-z]{2}").longestClassRun(false).length()).isEqualTo(6);
    }
}
