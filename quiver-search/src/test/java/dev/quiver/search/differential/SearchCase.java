package dev.quiver.search.differential;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * One differential case: the patterns (several mean {@code -e p1 -e p2}), the options and the
 * bytes of the one file searched.
 */
record SearchCase(List<String> patterns, Set<Option> options, byte[] text) {
    SearchCase {
        patterns = List.copyOf(patterns);
        options = Set.copyOf(options);
        text = text.clone();
    }

    boolean has(Option o) {
        return options.contains(o);
    }

    SearchCase withPatterns(List<String> p) {
        return new SearchCase(p, options, text);
    }

    SearchCase withOptions(Set<Option> o) {
        return new SearchCase(patterns, o, text);
    }

    SearchCase withText(byte[] t) {
        return new SearchCase(patterns, options, t);
    }

    /** A Java string literal for {@code s} (non-ASCII as {@code \}{@code uXXXX}), to paste into a regression test. */
    static String javaLiteral(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The text as printable ASCII: bytes outside it as {@code \xNN}, newlines as {@code \n}. */
    static String showBytes(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xff;
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\\') {
                sb.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("options ").append(Option.describe(options));
        for (String p : patterns) {
            sb.append("\n  pattern ").append(javaLiteral(p));
        }
        sb.append("\n  text    \"").append(showBytes(text)).append('"');
        String utf8 = new String(text, StandardCharsets.UTF_8);
        if (java.util.Arrays.equals(utf8.getBytes(StandardCharsets.UTF_8), text)) {
            if (!utf8.equals(new String(text, StandardCharsets.ISO_8859_1))) {
                sb.append("\n  (Java:  ").append(javaLiteral(utf8)).append(')');
            }
        } else {
            // not UTF-8: a byte array to paste into a regression test
            sb.append("\n  (bytes: {");
            for (int i = 0; i < text.length; i++) {
                int b = text[i] & 0xff;
                sb.append(i == 0 ? "" : ", ").append(b < 0x80 ? String.format("0x%02X", b) : String.format("(byte) 0x%02X", b));
            }
            sb.append("})");
        }
        return sb.toString();
    }
}
