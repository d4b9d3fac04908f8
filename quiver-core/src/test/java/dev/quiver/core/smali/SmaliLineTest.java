package dev.quiver.core.smali;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmaliLineTest {
    /** The cursor on the first line of {@code text}. */
    private static SmaliLine first(String text) {
        SmaliLine line = new SmaliLine(text);
        assertThat(line.next()).isTrue();
        return line;
    }

    private static List<String> lines(String text) {
        SmaliLine line = new SmaliLine(text);
        List<String> out = new ArrayList<>();
        while (line.next()) {
            out.add(line.number() + ":" + line.rest());
        }
        return out;
    }

    @Test
    void linesEndAtLfOrCrlfAndTheBomIsNotText() {
        assertThat(lines("\uFEFF.class LA;\r\n  nop\r\n\n# c")).containsExactly("1:.class LA;", "2:nop", "3:", "4:# c");
        assertThat(lines("a\n")).containsExactly("1:a");
        assertThat(lines("")).isEmpty();
        assertThat(lines("\uFEFF")).isEmpty();
        SmaliLine line = new SmaliLine("a\nb\n");
        while (line.next()) {
            line.rest();
        }
        assertThat(line.number()).isEqualTo(2);
    }

    @Test
    void tokensKeepQuotedNamesWhole() {
        SmaliLine line = first(".field public `a b`:I = 0x1  \nnext");
        assertThat(line.tokens()).containsExactly(".field", "public", "`a b`:I", "=", "0x1");
        assertThat(line.token()).isEmpty();
        assertThat(first("x `unclosed name\nnext").tokens()).containsExactly("x", "`unclosed name");
    }

    @Test
    void startsWithTokenWantsTheWholeToken() {
        assertThat(first(".end method").startsWithToken(".end")).isTrue();
        assertThat(first(".endx method").startsWithToken(".end")).isFalse();
        assertThat(first(".end \t method  ").startsWithTokens(".end", "method")).isTrue();
        assertThat(first(".end methods").startsWithTokens(".end", "method")).isFalse();
        assertThat(first(".end\n method").startsWithTokens(".end", "method")).isFalse();
    }

    @Test
    void searchesStayOnTheCurrentLine() {
        SmaliLine line = first("const-string v0, x\n\"s\" ->");
        assertThat(line.contains("->")).isFalse();
        assertThat(line.skipTo('"')).isFalse();
        assertThat(line.rest()).isEqualTo("const-string v0, x");
    }

    @Test
    void aCommentIsCutOutsideLiteralsOnly() {
        SmaliLine line = first("const-string v0, \"a # b\"  # note, with a comma");
        line.cutComment();
        assertThat(line.rest()).isEqualTo("const-string v0, \"a # b\"");
        line = first("const/16 v0, '#' # c");
        line.cutComment();
        assertThat(line.lastOperand()).isEqualTo("'#'");
        line = first("const-string v0, \"\\\"#\" # c");
        line.cutComment();
        assertThat(line.lastOperand()).isEqualTo("\"\\\"#\"");
    }

    @Test
    void lastOperandIsAfterTheLastComma() {
        assertThat(first("iget v0, p0, LA;->f:I").lastOperand()).isEqualTo("LA;->f:I");
        assertThat(first("iget v0,p0,f:I ").lastOperand()).isEqualTo("f:I");
    }

    @Test
    void registerListAndTheCommaAfterItAreSkipped() {
        SmaliLine line = first("invoke-virtual {p0, p1},LA;->m(I)V");
        line.token();
        assertThat(line.registerList()).isEqualTo("p0, p1");
        assertThat(line.rest()).isEqualTo("LA;->m(I)V");
        line = first("invoke-virtual p0, LA;->m()V");
        line.token();
        assertThat(line.registerList()).isNull();
        line = first("invoke-virtual {p0\n}, LA;->m()V");
        line.token();
        assertThat(line.registerList()).isNull();
    }

    @Test
    void stringLiteralsAreUnescaped() {
        SmaliLine line = first("\"a\\n\\t\\\"\\u0041\\\\\" rest");
        assertThat(line.stringLiteral()).isEqualTo("a\n\t\"A\\");
        assertThat(line.rest()).isEqualTo("rest");
        assertThat(first("\"plain\"").stringLiteral()).isEqualTo("plain");
    }

    @Test
    void badStringLiteralsSayWhy() {
        SmaliLine line = first("\"abc");
        assertThat(line.stringLiteral()).isNull();
        assertThat(line.error()).isEqualTo("unterminated string literal: \"abc");
        line = first("\"a\\qb\"");
        assertThat(line.stringLiteral()).isNull();
        assertThat(line.error()).isEqualTo("invalid escape \\q in string: \"a\\qb\"");
        line = first("\"\\u00\"");
        assertThat(line.stringLiteral()).isNull();
        assertThat(line.error()).startsWith("truncated \\u escape");
        line = first("\"\\u00zz\"");
        assertThat(line.stringLiteral()).isNull();
        assertThat(line.error()).startsWith("invalid \\u escape");
    }

    @Test
    void snippetsAreShortened() {
        String longLine = "x".repeat(200);
        assertThat(first(longLine).snippet()).hasSize(121).endsWith("…");
        assertThat(first("  short  ").snippetLine()).isEqualTo("short");
    }
}
