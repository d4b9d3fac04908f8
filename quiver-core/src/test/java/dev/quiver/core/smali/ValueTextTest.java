package dev.quiver.core.smali;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueTextTest {
    private static int end(String text) {
        return ValueText.endOfQuoted(text, 0, text.length());
    }

    @Test
    void aStringLiteralEndsAtItsClosingQuoteWhateverItHolds() {
        assertThat(end("\"a#b\" # c")).isEqualTo(5);
        assertThat(end("\"it's\", x")).isEqualTo(6);
        assertThat(end("\"`a b`\"x")).isEqualTo(7);
    }

    @Test
    void escapesInsideLiteralsDoNotCloseThem() {
        assertThat(end("\"a\\\"b\"x")).isEqualTo(6);   // "a\"b"
        assertThat(end("\"a\\\\\" # c")).isEqualTo(5); // "a\\" : the backslash is escaped, the quote closes
        assertThat(end("'\\''x")).isEqualTo(4);        // '\''
    }

    @Test
    void charLiteralsCloseOnTheirOwnQuote() {
        assertThat(end("'\"' # c")).isEqualTo(3);
        assertThat(end("'#', x")).isEqualTo(3);
    }

    @Test
    void quotedNamesHaveNoEscapes() {
        assertThat(end("`a b`:I")).isEqualTo(5);
        assertThat(end("`a\\`b`")).isEqualTo(4);
    }

    @Test
    void anUnclosedLiteralOrNameRunsToTheEndGiven() {
        assertThat(end("\"abc")).isEqualTo(4);
        assertThat(end("`a b")).isEqualTo(4);
        assertThat(end("\"a\\")).isEqualTo(3);
        assertThat(ValueText.endOfQuoted("\"ab\" x", 0, 3)).isEqualTo(3);
        assertThat(ValueText.endOfQuoted("x `a` y", 2, 4)).isEqualTo(4);
    }

    @Test
    void canonicalLeavesLiteralsAloneAndDropsQuotesOfNames() {
        assertThat(ValueText.canonical("{\"`a`:I\", 'x'}", 0, "LA;")).isEqualTo("{\"`a`:I\", 'x'}");
        assertThat(ValueText.canonical("L`a b`;", 0, null)).isEqualTo("La b;");
        assertThat(ValueText.canonical("{count:I, `x y`:I}", 0, "LA;")).isEqualTo("{LA;->count:I, LA;->x y:I}");
        assertThat(ValueText.canonical("`x y:I", 0, "LA;")).isEqualTo("x y:I"); // unclosed: not a member
    }
}
