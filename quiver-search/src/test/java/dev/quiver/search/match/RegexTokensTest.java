package dev.quiver.search.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.search.match.RegexTokens.Group;
import dev.quiver.search.match.RegexTokens.Kind;
import dev.quiver.search.match.RegexTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer cuts patterns where {@link Pattern}'s parser does. Each expectation was checked
 * against java.util.regex (the comment on a case says what Java matches).
 */
class RegexTokensTest {
    private static final int FLAGS = Pattern.UNIX_LINES;

    /** The tokens as "KIND(text)" strings. */
    private static List<String> tokens(String pattern) {
        RegexTokens t = RegexTokens.of(pattern, FLAGS);
        assertThat(t.understood()).as("understood: " + pattern).isTrue();
        List<String> out = new ArrayList<>();
        for (Token k : t.tokens()) {
            out.add(k.kind() + "(" + t.text(k) + ")");
        }
        return out;
    }

    private static Token only(String pattern, Kind kind) {
        RegexTokens t = RegexTokens.of(pattern, FLAGS);
        List<Token> found = new ArrayList<>();
        for (Token k : t.tokens()) {
            if (k.kind() == kind) {
                found.add(k);
            }
        }
        assertThat(found).as(kind + " in " + pattern).hasSize(1);
        return found.get(0);
    }

    @Test
    void closingBracketFirstInAClassIsLiteral() {
        // java.util.regex: '[]a]x' matches "]x" and "ax"
        assertThat(tokens("[]a]x")).containsExactly("CLASS([]a])", "LITERAL(x)");
        assertThat(tokens("[^]a]x")).containsExactly("CLASS([^]a])", "LITERAL(x)");
        assertThat(tokens("[]a-c]")).containsExactly("CLASS([]a-c])");
        assertThat(tokens("^[]b]Ab+")).containsExactly("ANCHOR(^)", "CLASS([]b])", "LITERAL(A)", "LITERAL(b)",
                "QUANTIFIER(+)");
        assertThat(tokens("[]]")).containsExactly("CLASS([]])");
    }

    @Test
    void closingBracketIsLiteralUntilTheClassHasAMember() {
        // the rule is "no member yet", not "first character": also after '[' of a nested class
        assertThat(tokens("[[]\\t-x]]")).containsExactly("CLASS([[]\\t-x]])");
        assertThat(tokens("[[]]]")).containsExactly("CLASS([[]]])");
        // an empty quote adds no member: "[\\Q\\E]a]" is "[]a]"
        assertThat(tokens("[\\Q\\E]a]")).containsExactly("CLASS([\\Q\\E]a])");
        assertThat(tokens("[x\\Q\\E]]")).containsExactly("CLASS([x\\Q\\E])", "LITERAL(])");
    }

    @Test
    void nestedClassesAndIntersections() {
        assertThat(tokens("[a[b]]c")).containsExactly("CLASS([a[b]])", "LITERAL(c)");
        assertThat(tokens("[^a[b]]")).containsExactly("CLASS([^a[b]])");
        assertThat(tokens("[a-z&&[^aeiou]]x")).containsExactly("CLASS([a-z&&[^aeiou]])", "LITERAL(x)");
        // a bare right side ends at the class's own ']'
        assertThat(tokens("[a-c&&b]d")).containsExactly("CLASS([a-c&&b])", "LITERAL(d)");
        // "&&" then ']': the ']' closes the class (it has a member), the next one is literal
        assertThat(tokens("[a&&]]")).containsExactly("CLASS([a&&])", "LITERAL(])");
        assertThat(tokens("[a&b]")).containsExactly("CLASS([a&b])");
        assertThat(tokens("[a&&&b]")).containsExactly("CLASS([a&&&b])");
    }

    @Test
    void caretNegatesOnlyRightAfterTheBracket() {
        assertThat(tokens("[^^]")).containsExactly("CLASS([^^])");
        assertThat(tokens("[a^]")).containsExactly("CLASS([a^])");
        assertThat(tokens("[\\^]")).containsExactly("CLASS([\\^])");
    }

    @Test
    void escapesInsideClassesAreReadWhole() {
        // \c takes any character, ']' included: '[\c]]' is one class of U+001D
        assertThat(tokens("[\\c]]")).containsExactly("CLASS([\\c]])");
        assertThat(tokens("[\\]]x")).containsExactly("CLASS([\\]])", "LITERAL(x)");
        assertThat(tokens("[\\p{L}\\x{5d}]")).containsExactly("CLASS([\\p{L}\\x{5d}])");
        assertThat(tokens("[\\Q]-\\E]")).containsExactly("CLASS([\\Q]-\\E])");
        assertThat(tokens("[!-\\]]")).containsExactly("CLASS([!-\\]])");
    }

    @Test
    void quotesAreLiteralCharactersAndAQuantifierTakesTheLastOne() {
        assertThat(tokens("\\Qa.b\\E*")).containsExactly("LITERAL(a)", "LITERAL(.)", "LITERAL(b)", "QUANTIFIER(*)");
        assertThat(tokens("a\\Q\\E*")).containsExactly("LITERAL(a)", "QUANTIFIER(*)");
        assertThat(tokens("\\Q[a]\\E")).containsExactly("LITERAL([)", "LITERAL(a)", "LITERAL(])");
        RegexTokens open = RegexTokens.of("x\\Qa)", FLAGS);
        assertThat(open.tokens()).hasSize(3);
        assertThat(open.openEnd()).isEqualTo("\\E");
        assertThat(RegexTokens.of("\\Qa\\E", FLAGS).openEnd()).isEmpty();
    }

    @Test
    void numericEscapesGiveTheirCodePoint() {
        assertThat(only("\\x41", Kind.LITERAL).value()).isEqualTo('A');
        assertThat(only("\\x{1F600}", Kind.LITERAL).value()).isEqualTo(0x1F600);
        assertThat(only("\\u00e9", Kind.LITERAL).value()).isEqualTo(0xE9);
        // an escaped surrogate pair is one character
        assertThat(only("\\uD83D\\uDE00", Kind.LITERAL).value()).isEqualTo(0x1F600);
        assertThat(only("\\0101", Kind.LITERAL).value()).isEqualTo('A');
        assertThat(only("\\cJ", Kind.LITERAL).value()).isEqualTo('\n');
        assertThat(only("\\N{LATIN SMALL LETTER E WITH ACUTE}", Kind.LITERAL).value()).isEqualTo(0xE9);
        // a third octal digit only while the value stays under 0400: "\0400" is U+0020 then '0'
        assertThat(tokens("\\0400")).containsExactly("LITERAL(\\040)", "LITERAL(0)");
    }

    @Test
    void propertiesAndShorthandsAreClasses() {
        assertThat(tokens("\\p{L}\\pL\\P{Lu}\\w\\S.")).containsExactly("CLASS(\\p{L})", "CLASS(\\pL)", "CLASS(\\P{Lu})",
                "CLASS(\\w)", "CLASS(\\S)", "CLASS(.)");
        assertThat(tokens("\\b{g}a\\B\\z")).containsExactly("ANCHOR(\\b{g})", "LITERAL(a)", "ANCHOR(\\B)", "ANCHOR(\\z)");
        assertThat(tokens("\\R\\X")).containsExactly("OTHER(\\R)", "OTHER(\\X)");
    }

    @Test
    void backReferencesTakeDigitsOnlyForGroupsThatExist() {
        // java.util.regex: '(a)\11' is group 1 then '1'
        assertThat(tokens("(a)\\11")).containsExactly("GROUP(()", "LITERAL(a)", "END_GROUP())", "BACKREF(\\1)",
                "LITERAL(1)");
        String eleven = "(a)".repeat(11) + "\\11";
        RegexTokens t = RegexTokens.of(eleven, FLAGS);
        Token last = t.tokens().get(t.tokens().size() - 1);
        assertThat(last.kind()).isEqualTo(Kind.BACKREF);
        assertThat(last.value()).isEqualTo(11);
        assertThat(tokens("(?<n>a)\\k<n>")).containsExactly("GROUP((?<n>)", "LITERAL(a)", "END_GROUP())", "BACKREF(\\k<n>)");
    }

    @Test
    void groupsHaveTheirKind() {
        List<Group> kinds = new ArrayList<>();
        for (Token t : RegexTokens.of("(a)(?:b)(?=c)(?!d)(?<=e)(?<!f)(?>g)(?i:h)(?<n>i)", FLAGS).tokens()) {
            if (t.kind() == Kind.GROUP) {
                kinds.add(t.group());
            }
        }
        assertThat(kinds).containsExactly(Group.CAPTURING, Group.NON_CAPTURING, Group.LOOKAHEAD, Group.NEGATIVE_LOOKAHEAD,
                Group.LOOKBEHIND, Group.NEGATIVE_LOOKBEHIND, Group.ATOMIC, Group.FLAGS, Group.NAMED);
    }

    @Test
    void inlineFlagsLastUntilTheirGroupEnds() {
        RegexTokens t = RegexTokens.of("a(?i)b(c(?-i)d)e(?s:.)f", FLAGS);
        assertThat(t.understood()).isTrue();
        StringBuilder ci = new StringBuilder();
        for (Token k : t.tokens()) {
            if (k.kind() == Kind.LITERAL) {
                ci.append(t.text(k)).append((k.flags() & Pattern.CASE_INSENSITIVE) != 0 ? "+" : "-");
            }
            if (k.kind() == Kind.CLASS) {
                assertThat(k.flags() & Pattern.DOTALL).as("(?s:.)").isNotZero();
            }
        }
        // (?-i) inside the group ends with it: e is case-insensitive again
        assertThat(ci.toString()).isEqualTo("a-b+c+d-e+f+");
    }

    @Test
    void quantifiersCarryTheirBounds() {
        Token q = only("a{2,5}?", Kind.QUANTIFIER);
        assertThat(q.min()).isEqualTo(2);
        assertThat(q.max()).isEqualTo(5);
        assertThat(only("a{3,}+", Kind.QUANTIFIER).max()).isEqualTo(-1);
        assertThat(only("a?", Kind.QUANTIFIER).max()).isEqualTo(1);
    }

    @Test
    void aQuantifierWithNothingBeforeItRepeatsNothing() {
        // java.util.regex accepts both: '{0}' matches the empty string, 'a{2}{3}' matches "aa"
        RegexTokens start = RegexTokens.of("{0}x", FLAGS);
        assertThat(start.tokens().get(0).kind()).isEqualTo(Kind.QUANTIFIER);
        assertThat(start.quantifiesNothing(0)).isTrue();
        RegexTokens twice = RegexTokens.of("a{2}{3}", FLAGS);
        assertThat(twice.quantifiesNothing(1)).isFalse();
        assertThat(twice.quantifiesNothing(2)).isTrue();
        assertThat(tokens("}]")).containsExactly("LITERAL(})", "LITERAL(])");
    }

    @Test
    void commentsModeSkipsWhitespaceAndComments() {
        assertThat(tokens("(?x) a b # a comment\n c")).containsExactly("FLAGS((?x))", "LITERAL(a)", "LITERAL(b)", "LITERAL(c)");
        // inside a class too: '(?x)[ ]]' is the class of ']' (the space is skipped, so ']' comes first)
        assertThat(tokens("(?x)[ ]]")).containsExactly("FLAGS((?x))", "CLASS([ ]])");
        // an escaped space is a character
        assertThat(tokens("(?x)a\\ b")).containsExactly("FLAGS((?x))", "LITERAL(a)", "LITERAL(\\ )", "LITERAL(b)");
        // a comment running to the end must be closed before anything is appended
        assertThat(RegexTokens.of("(?x)a#c", FLAGS).openEnd()).isEqualTo("\n");
        assertThat(RegexTokens.of("a#c", FLAGS).openEnd()).isEmpty();
        // (?x) ends with its group
        assertThat(tokens("((?x)a b) c")).containsExactly("GROUP(()", "FLAGS((?x))", "LITERAL(a)", "LITERAL(b)",
                "END_GROUP())", "LITERAL( )", "LITERAL(c)");
    }

    @Test
    void whatItCannotFollowItSaysSo() {
        for (String p : new String[] {"\\q", "[abc", "a\\", "(a", "a)", "(?x)a{2 }", "(?x)( ?:a)", "(?x)a#\\Qb\nc",
            "{x}", "(?y)"}) {
            assertThat(RegexTokens.of(p, FLAGS).understood()).as(p).isFalse();
        }
    }

    @Test
    void uppercaseLiteralsAreCharactersWrittenAsThemselves() {
        assertThat(RegexTokens.of("foo", FLAGS).hasUppercaseLiteral()).isFalse();
        assertThat(RegexTokens.of("Foo", FLAGS).hasUppercaseLiteral()).isTrue();
        assertThat(RegexTokens.of("[A-Z]x", FLAGS).hasUppercaseLiteral()).isTrue();
        assertThat(RegexTokens.of("\\Qa B\\E", FLAGS).hasUppercaseLiteral()).isTrue();
        // escapes are not literals
        assertThat(RegexTokens.of("fo\\S\\W\\x41\\p{Lu}[\\D]", FLAGS).hasUppercaseLiteral()).isFalse();
        // a letter after \pL in a class still counts
        assertThat(RegexTokens.of("[\\pLA]", FLAGS).hasUppercaseLiteral()).isTrue();
    }

    @Test
    void everyClassTokenCompilesAlone() {
        for (String p : new String[] {"[]a]x", "[[]\\t-x]]", "[a-z&&[^aeiou]]", "[\\c]]", "(?x)[ a#c\n]]", "[\\Q]\\E-z]"}) {
            RegexTokens t = RegexTokens.of(p, FLAGS);
            for (Token k : t.tokens()) {
                if (k.kind() == Kind.CLASS) {
                    Pattern.compile(t.text(k), k.flags()); // throws if the cut is wrong
                }
            }
        }
    }
}
