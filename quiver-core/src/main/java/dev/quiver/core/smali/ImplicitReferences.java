package dev.quiver.core.smali;

/**
 * baksmali {@code --implicit-references} writes every reference to a member of the class being written
 * without its class: {@code foo(I)V} for {@code Lcom/A;->foo(I)V}, {@code count:I} for
 * {@code Lcom/A;->count:I}. That holds inside encoded values and call sites too ({@code .enum NEW:Lcom/A;},
 * {@code invoke-static@lambda$run$0()V}, {@code ...)@bootstrap(...)}). This puts the class back, so that
 * the text stored is the one the default output (and the DEX path) gives.
 */
final class ImplicitReferences {
    private ImplicitReferences() {
    }

    /**
     * {@code text} with {@code owner->} inserted before every implicit member reference that starts an
     * element at or after {@code from}: the value itself, an array element, a call-site argument, the
     * member of {@code .enum} or of a method handle ({@code kind@member}). String and char literals are
     * skipped. Text without an implicit reference is returned as is.
     */
    static String expand(String text, int from, String owner) {
        if (text.indexOf(':', from) < 0 && text.indexOf('(', from) < 0) {
            return text; // no member reference at all: numbers, literals without ':', types
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
                if (isImplicitMember(text, i)) {
                    if (out == null) {
                        out = new StringBuilder(text.length() + 32);
                    }
                    out.append(text, copied, i).append(owner).append("->");
                    copied = i;
                }
            }
            char ch = text.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = endOfLiteral(text, i);
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
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    /**
     * Whether a member name without a class starts at {@code i}: a name (no class descriptor, no literal,
     * no prototype) that runs up to the {@code :} of a field or the {@code (} of a method.
     */
    private static boolean isImplicitMember(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n) {
            char c = text.charAt(j);
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

    /** The index after the string or char literal that opens at {@code start}. */
    private static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return text.length();
    }
}
