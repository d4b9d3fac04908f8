package dev.quiver.cli.render;

import java.util.List;

/**
 * Values as a terminal shows them. Names and strings come from attacker-made apps: a control
 * character, an escape sequence or a right-to-left override printed raw could rewrite the screen
 * or reorder what the analyst reads, so each is shown as a visible escape ({@code \n},
 * {@code \x1b}, {@code \u202e}), and every row stays one line.
 */
public final class Cells {
    private Cells() {
    }

    /** The text of a value: "" for null, lists joined by {@code sep}. */
    public static String text(Object v, String sep) {
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object o : list) {
                sb.append(sb.length() == 0 ? "" : sep).append(o);
            }
            return sb.toString();
        }
        return v.toString();
    }

    /** {@code s} with control, bidi and other invisible formatting characters escaped. */
    public static String display(String s) {
        int i = 0;
        while (i < s.length() && !special(s.charAt(i)) && s.charAt(i) != '\\') {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else if (!special(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x100) {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    /** Characters that must not reach a terminal as they are. */
    static boolean special(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0xfeff || c == 0x061c;
    }

    /** Columns a string takes on a terminal (code points; wide East Asian characters count 2). */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    /** {@code s} cut to at most {@code max} columns, ending in {@code …} when cut. */
    public static String shorten(String s, int max) {
        if (width(s) <= max) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = wide(cp) ? 2 : 1;
            if (w + cw > max - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return sb.append('…').toString();
    }

    private static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115f || cp == 0x2329 || cp == 0x232a
                || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f) || (cp >= 0xac00 && cp <= 0xd7a3)
                || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe6f) || (cp >= 0xff00 && cp <= 0xff60)
                || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd));
    }
}
