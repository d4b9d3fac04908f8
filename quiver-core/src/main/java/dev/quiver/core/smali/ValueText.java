package dev.quiver.core.smali;

/**
 * The text baksmali writes for types, references, static field values and call sites, put in the one form
 * the DEX path stores too (dexlib2's, without baksmali's presentation choices):
 *
 * <ul>
 *   <li>baksmali writes a name segment holding a space character (Unicode category Zs, such as U+3000 or
 *       U+1680, legal in DEX names) between backticks: {@code L`a b`;}, {@code Lx;->`c d`:I}. The
 *       backticks go; a backtick is never part of a DEX name.</li>
 *   <li>{@code --implicit-references} leaves the class out of references to the current class's members:
 *       {@code foo(I)V} for {@code Lcom/A;->foo(I)V}, {@code count:I} for {@code Lcom/A;->count:I}, also
 *       inside values ({@code .enum ONE:Lcom/A;}, {@code invoke-static@lambda$run$0()V},
 *       {@code ...)@bootstrap(...)}). The class goes back in.</li>
 * </ul>
 */
final class ValueText {
    private ValueText() {
    }

    /** A type, descriptor or reference (no string literals in it) without backticks. */
    static String unquote(String text) {
        return text.indexOf('`') < 0 ? text : text.replace("`", "");
    }

    /**
     * {@code text} without backticks outside string and char literals, and with {@code owner->} inserted
     * before every implicit member reference that starts an element at or after {@code from}: the value
     * itself, an array element, a call-site argument, the member of {@code .enum} or of a method handle
     * ({@code kind@member}). {@code owner} may be null (no class: nothing inserted). Text that needs
     * neither is returned as is.
     */
    static String canonical(String text, int from, String owner) {
        boolean quoted = text.indexOf('`') >= 0;
        if (!quoted && (owner == null || text.indexOf(':', from) < 0 && text.indexOf('(', from) < 0)) {
            return text; // numbers, literals without ':', types: nothing to do
        }
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        boolean elementStart = true;
        for (int i = from; i < n; ) {
            if (elementStart) {
                elementStart = false;
                if (text.startsWith(".enum ", i)) {
                    i += ".enum ".length();
                    elementStart = true;
                    continue;
                }
                if (owner != null && isImplicitMember(text, i)) {
                    out = copy(out, text, copied, i).append(owner).append("->");
                    copied = i;
                }
            }
            char ch = text.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = endOfQuoted(text, i, n);
                continue;
            }
            if (ch == '`') {
                out = copy(out, text, copied, i);
                copied = ++i;
                continue;
            }
            if (ch == ',' || ch == '{') {
                i++;
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
                elementStart = true;
                continue;
            }
            if (ch == '@') {
                elementStart = true;
            }
            i++;
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    private static StringBuilder copy(StringBuilder out, String text, int from, int to) {
        StringBuilder sb = out == null ? new StringBuilder(text.length() + 32) : out;
        return sb.append(text, from, to);
    }

    /**
     * Whether a member name without a class starts at {@code i}: a name (no class descriptor, no literal,
     * no prototype; `quoted` parts skipped) that runs up to the {@code :} of a field or the {@code (} of a
     * method.
     */
    private static boolean isImplicitMember(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n) {
            char c = text.charAt(j);
            if (c == '`') {
                j = endOfQuoted(text, j, n); // unclosed: j == n, not a member
                continue;
            }
            if (c == ':' || c == '(') {
                return j > i;
            }
            if (c == ',' || c == ')' || c == '{' || c == '}' || c == ' ' || c == '\t' || c == ';' || c == '"'
                    || c == '\'' || c == '@' || c == '[' || c == '/' || (c == '-' && j + 1 < n
                    && text.charAt(j + 1) == '>')) {
                return false;
            }
            j++;
        }
        return false;
    }

    /**
     * The index after the string or char literal ({@code "…"}, {@code '…'}, with backslash escapes) or the
     * quoted name ({@code `…`}, no escapes) that opens at {@code start}, or {@code end} if it is not closed
     * before {@code end}. The one scanner of literals and quoted names: every scan that must not read into
     * them (comments, value nesting, implicit references, tokens) skips them with this.
     */
    static int endOfQuoted(String text, int start, int end) {
        char quote = text.charAt(start);
        boolean escapes = quote != '`';
        for (int i = start + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (c == '\\' && escapes) {
                i++;
            }
        }
        return end;
    }
}
