package dev.quiver.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shell's word splitting: POSIX quoting, comments, continuation, and the word under the cursor. */
class ShellLineTest {
    @Test
    void blanksSeparateWordsAndSignaturesNeedNoQuotes() {
        assertThat(ShellLine.parse("  xref   Lcom/a/B;->foo(I)V\t--depth 2 ").words())
                .containsExactly("xref", "Lcom/a/B;->foo(I)V", "--depth", "2");
    }

    @Test
    void singleQuotesKeepEverythingDoubleQuotesKeepAllButFourEscapes() {
        assertThat(ShellLine.parse("a 'x y\\n\"z' \"p \\\"q\\\" \\\\ \\$ \\n\"").words())
                .containsExactly("a", "x y\\n\"z", "p \"q\" \\ $ \\n");
    }

    @Test
    void aBackslashOutsideQuotesKeepsTheNextCharacter() {
        assertThat(ShellLine.parse("strings a\\ b \\'c \\\\").words()).containsExactly("strings", "a b", "'c", "\\");
    }

    @Test
    void adjacentQuotedPartsMakeOneWordAndEmptyQuotesAnEmptyWord() {
        assertThat(ShellLine.parse("x 'Lcom/a/B;'->\"foo\" ''").words()).containsExactly("x", "Lcom/a/B;->foo", "");
    }

    @Test
    void hashStartsACommentOnlyAtTheStartOfAWord() {
        assertThat(ShellLine.parse("# all of it").words()).isEmpty();
        assertThat(ShellLine.parse("strings a#b # the rest").words()).containsExactly("strings", "a#b");
        assertThat(ShellLine.parse("strings '#x' \\#y").words()).containsExactly("strings", "#x", "#y");
    }

    @Test
    void anUnclosedQuoteOrATrailingBackslashAsksForMore() {
        assertThat(ShellLine.parse("strings 'abc").problem()).isEqualTo("an unclosed single quote");
        assertThat(ShellLine.parse("strings \"abc").problem()).isEqualTo("an unclosed double quote");
        assertThat(ShellLine.parse("classes \\").problem()).isEqualTo("a line ending in a backslash");
        assertThat(ShellLine.parse("strings 'abc\ndef'").words()).containsExactly("strings", "abc\ndef");
        assertThat(ShellLine.parse("classes \\\n--count").words()).containsExactly("classes", "--count");
        assertThat(ShellLine.parse("strings 'it''s'").incomplete()).isFalse();
    }

    @Test
    void theWordUnderTheCursorAndItsRawExtent() {
        ShellLine l = ShellLine.parse("xref 'Lcom/a/B;->fo", 19);
        assertThat(l.wordIndex()).isEqualTo(1);
        assertThat(l.word()).isEqualTo("Lcom/a/B;->fo");
        assertThat(l.wordCursor()).isEqualTo(13);
        assertThat(l.rawWordCursor()).isEqualTo(14);
        assertThat(l.rawWordLength()).isEqualTo(14);
        assertThat(l.openQuote()).isEqualTo('\'');

        ShellLine between = ShellLine.parse("classes  --count", 8);
        assertThat(between.wordIndex()).isEqualTo(1);
        assertThat(between.word()).isEmpty();
        assertThat(between.rawWordLength()).isZero();

        ShellLine mid = ShellLine.parse("classes Lcom/q/Cr --count", 17);
        assertThat(mid.wordIndex()).isEqualTo(1);
        assertThat(mid.word()).isEqualTo("Lcom/q/Cr");
        assertThat(mid.rawWordLength()).isEqualTo(9);

        ShellLine atEnd = ShellLine.parse("classes ");
        assertThat(atEnd.wordIndex()).isEqualTo(1);
        assertThat(atEnd.words()).containsExactly("classes");
    }

    @Test
    void quoteWritesWhatTheParserReadsBack() {
        for (String w : new String[] {"Lcom/a/B;->foo(I)V", "a b", "it's", "say \"hi\"", "back\\slash", "#hash", "$x`y`"}) {
            for (char q : new char[] {0, '\'', '"'}) {
                String typed = "cmd " + ShellLine.quote(w, q, true);
                assertThat(ShellLine.parse(typed).words()).as("%s quoted with [%s]", w, q).containsExactly("cmd", w);
            }
        }
        assertThat(ShellLine.quote("Lcom/a/B$C;", '\'', false)).isEqualTo("'Lcom/a/B$C;");
        assertThat(ShellLine.quote("a b", (char) 0, true)).isEqualTo("a\\ b");
    }
}
