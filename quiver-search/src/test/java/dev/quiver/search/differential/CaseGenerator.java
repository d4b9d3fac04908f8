package dev.quiver.search.differential;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random regexes and texts over one small alphabet, so that matches are frequent. Patterns
 * reach every construct a fast path reads: bracket classes with {@code ]}, {@code ^}, {@code -}
 * and escapes at every position, nested classes and intersections, {@code \Q…\E}, nested and
 * lookaround groups, alternation, greedy, lazy, possessive and bounded quantifiers, anchors,
 * {@code \b}, inline flags, back references, numeric escapes and non-ASCII literals (with the
 * characters whose case partner is ASCII: {@code ſ}, the Kelvin sign, {@code İ}, {@code ı}).
 * Texts mix those characters with invalid UTF-8, CRLF and empty lines. Some patterns are not valid
 * Java regexes; the test checks that Quiver rejects them too.
 */
final class CaseGenerator {
    /** Characters that appear in texts and as literals, the first ones most often. */
    private static final String[] CHARS = {
        "a", "b", "x", "a", "b", "x", "a", "b", "A", "B", "X", " ", "]", "[", "-", "^", "_", "0", "1", ".", "$", "\t",
        "k", "K", "s", "S", "i", "I", "\u00e9", "\u00c9", "\u00df", "\u017f", "\u212a", "\u0130", "\u0131",
        "\u03c3", "\u03a3", "\u03c2", "\ud83d\ude00", "\u65e5", "\ufffd", "&", "|", "\\", "#", "(", "}"
    };
    /** Byte sequences that are not well-formed UTF-8: stray continuation, truncated, overlong, surrogate, too large. */
    private static final byte[][] INVALID = {
        {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC3}, {(byte) 0xE9}, {(byte) 0xFF}, {(byte) 0xFE},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}
    };
    private static final String[] CLASS_ESCAPES = {
        "\\w", "\\W", "\\d", "\\D", "\\s", "\\S", "\\h", "\\H", "\\v", "\\p{L}", "\\p{Lu}", "\\p{Ll}", "\\P{L}",
        "\\p{Punct}", "\\p{Alpha}", "\\p{IsAlphabetic}", "\\pL", "\\p{IsLatin}", "\\p{javaLowerCase}", "\\p{Lower}"
    };
    private static final String[] VALUE_ESCAPES = {
        "\\x61", "\\x{e9}", "\\u00e9", "\\u212a", "\\u017F", "\\0141", "\\x{1F600}", "\\cI", "\\t", "\\n", "\\r",
        "\\x5d", "\\x{FFFD}", "\\uFFFD", "\\N{LATIN SMALL LETTER A}", "\\e", "\\x20", "\\x2D", "\\u005E", "\\uD83D\\uDE00"
    };
    private static final String[] ANCHORS = {"^", "$", "\\b", "\\B", "\\A", "\\z", "\\Z", "\\G", "^", "$", "\\b"};
    private static final String[] FLAGS = {
        "(?i)", "(?-i)", "(?s)", "(?m)", "(?-m)", "(?x)", "(?u)", "(?U)", "(?iu)", "(?d)", "(?-d)", "(?i-u)"
    };
    private static final String[] GROUPS = {
        "(", "(", "(?:", "(?:", "(?<g%d>", "(?>", "(?i:", "(?-i:", "(?s:", "(?=", "(?!", "(?<=", "(?<!"
    };
    private static final String META = ".[]{}()\\*+?^$|";

    private final Random r;
    private int groups;
    private final List<byte[]> textLines;

    /** {@code textLines}: lines to draw texts from instead of random ones (null: random). */
    CaseGenerator(long seed, List<byte[]> textLines) {
        this.r = new Random(seed);
        this.textLines = textLines;
    }

    private boolean chance(int oneIn) {
        return r.nextInt(oneIn) == 0;
    }

    private <T> T pick(T[] a) {
        return a[r.nextInt(a.length)];
    }

    // ---- patterns ----------------------------------------------------------------------------

    /** A random regex. */
    String regex() {
        groups = 0;
        String p = alternation(0);
        // a quote may run to the end of the pattern; so may a comment under (?x)
        return chance(25) ? p + quote().replace("\\E", "") : chance(40) ? p + "(?x)#c" : p;
    }

    /** A random fixed string ({@code -F}): a piece of {@code text} or random characters, metacharacters included. */
    String literal(byte[] text) {
        String t = new String(text, StandardCharsets.UTF_8);
        if (!t.isEmpty() && chance(2)) {
            int a = r.nextInt(t.length());
            int b = Math.min(t.length(), a + 1 + r.nextInt(4));
            String s = t.substring(a, b);
            if (Character.isLowSurrogate(s.charAt(0)) || Character.isHighSurrogate(s.charAt(s.length() - 1))) {
                return "a";
            }
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(chance(4) ? String.valueOf(META.charAt(r.nextInt(META.length()))) : pick(CHARS));
        }
        return sb.toString();
    }

    private String alternation(int depth) {
        StringBuilder sb = new StringBuilder(sequence(depth));
        while (chance(depth == 0 ? 5 : 3)) {
            sb.append('|').append(sequence(depth));
        }
        return sb.toString();
    }

    private String sequence(int depth) {
        int n = chance(10) ? 0 : 1 + r.nextInt(depth == 0 ? 4 : 3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(piece(depth));
        }
        return sb.toString();
    }

    private String piece(int depth) {
        int k = r.nextInt(100);
        String atom;
        boolean quantifiable = true;
        if (k < 38) {
            atom = literalAtom();
        } else if (k < 50) {
            atom = bracketClass(0);
        } else if (k < 55) {
            atom = ".";
        } else if (k < 61) {
            atom = pick(CLASS_ESCAPES);
        } else if (k < 66) {
            atom = pick(VALUE_ESCAPES);
        } else if (k < 70) {
            atom = quote();
        } else if (k < 80 && depth < 3) {
            atom = group(depth);
        } else if (k < 88) {
            atom = pick(ANCHORS);
            quantifiable = false;
        } else if (k < 92) {
            atom = pick(FLAGS);
            quantifiable = false;
        } else if (k < 95 && groups > 0) {
            atom = chance(3) && groups > 1 ? "\\k<g" + (1 + r.nextInt(groups)) + ">" : "\\" + (1 + r.nextInt(groups));
        } else if (k < 97) {
            atom = chance(2) ? " " : "#c\n"; // whitespace and comments mean something under (?x)
            quantifiable = false;
        } else {
            atom = literalAtom();
        }
        return quantifiable && chance(3) ? atom + quantifier() : atom;
    }

    private String literalAtom() {
        String c = pick(CHARS);
        if (c.length() == 1 && META.indexOf(c.charAt(0)) >= 0) {
            // ']' and '}' are literal on their own too
            return (c.equals("]") || c.equals("}")) && chance(2) ? c : "\\" + c;
        }
        return c;
    }

    private String quantifier() {
        String q = switch (r.nextInt(8)) {
            case 0, 1 -> "*";
            case 2, 3 -> "+";
            case 4 -> "?";
            case 5 -> "{" + r.nextInt(3) + "}";
            case 6 -> "{" + r.nextInt(3) + ",}";
            default -> {
                int m = r.nextInt(3);
                yield "{" + m + "," + (m + r.nextInt(3)) + "}";
            }
        };
        return switch (r.nextInt(6)) {
            case 0 -> q + "?";
            case 1 -> q + "+";
            default -> q;
        };
    }

    private String quote() {
        StringBuilder sb = new StringBuilder("\\Q");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(chance(3) ? String.valueOf(META.charAt(r.nextInt(META.length()))) : pick(CHARS));
        }
        String body = sb.toString();
        if (body.endsWith("\\")) {
            body += "\\"; // not "\\\\E": keep the quote's end
        }
        return body + "\\E";
    }

    private String group(int depth) {
        String open = pick(GROUPS);
        if (open.contains("%d")) {
            open = String.format(open, groups + 1);
        }
        if (open.equals("(") || open.startsWith("(?<g")) {
            groups++;
        }
        return open + alternation(depth + 1) + ")";
    }

    private String bracketClass(int depth) {
        StringBuilder sb = new StringBuilder("[");
        if (chance(3)) {
            sb.append('^');
        }
        if (chance(4)) {
            sb.append(']'); // literal when nothing came before it
        }
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(classMember(depth));
        }
        return sb.append(']').toString();
    }

    private String classMember(int depth) {
        int k = r.nextInt(100);
        if (k < 35) {
            String c = pick(CHARS);
            return switch (c) {
                case "[", "]", "\\" -> "\\" + c;
                case "&" -> chance(2) ? "\\&" : "&";
                default -> c;
            };
        } else if (k < 45) {
            return pick(new String[] {"\\]", "\\[", "\\\\", "\\-", "\\^", "\\&", "\\.", "-", "^", "-"});
        } else if (k < 60) {
            return pick(new String[] {"a-c", "A-Z", "a-z", "x-z", "0-9", "\u00e9-\u00ff", "\\x41-\\x43", "a-\u00e9",
                "\\u0100-\\u017f", "j-l", "r-t", "h-j", "\u2100-\u2130"});
        } else if (k < 70) {
            return pick(CLASS_ESCAPES);
        } else if (k < 76) {
            return pick(VALUE_ESCAPES).replace("\\uD83D\\uDE00", "\\x{1F600}");
        } else if (k < 84 && depth < 2) {
            return bracketClass(depth + 1);
        } else if (k < 92 && depth < 2) {
            return "&&" + (chance(2) ? bracketClass(depth + 1) : classMember(depth + 1));
        } else {
            return pick(new String[] {"\\Q]-\\E", "\\Q^\\E", "\\Qa]\\E", "\\Q\\E", "\\Q-a\\E"});
        }
    }

    // ---- texts -------------------------------------------------------------------------------

    /**
     * A random text: a few short lines, some empty, some CRLF; two texts in five are pure ASCII
     * (the engine searches those differently: the ASCII pattern over the whole buffer), the others
     * mix in non-ASCII characters and invalid UTF-8.
     */
    byte[] text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean ascii = r.nextInt(5) < 2;
        int lines = chance(15) ? 0 : 1 + r.nextInt(8);
        for (int l = 0; l < lines; l++) {
            if (textLines != null && !textLines.isEmpty()) {
                out.writeBytes(textLines.get(r.nextInt(textLines.size())));
            } else if (!chance(6)) {
                int n = r.nextInt(11);
                for (int i = 0; i < n; i++) {
                    if (!ascii && chance(12)) {
                        out.writeBytes(pick(INVALID));
                    } else {
                        String c = pick(CHARS);
                        while (ascii && c.charAt(0) >= 0x80) {
                            c = pick(CHARS);
                        }
                        out.writeBytes(c.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (chance(5)) {
                    out.write('\r');
                }
            }
            if (l < lines - 1 || !chance(5)) {
                out.write('\n');
            }
        }
        byte[] t = out.toByteArray();
        // a byte-order mark at the start would make the file UTF-16, or be skipped: another subject
        if (t.length >= 2 && ((t[0] == (byte) 0xFF && t[1] == (byte) 0xFE) || (t[0] == (byte) 0xFE && t[1] == (byte) 0xFF)
                || (t.length >= 3 && t[0] == (byte) 0xEF && t[1] == (byte) 0xBB && t[2] == (byte) 0xBF))) {
            byte[] u = new byte[t.length + 1];
            u[0] = 'a';
            System.arraycopy(t, 0, u, 1, t.length);
            t = u;
        }
        return t;
    }

    /** One or (now and then) two patterns, regexes or, with {@code -F}, fixed strings. */
    List<String> patterns(boolean fixed, byte[] text) {
        List<String> p = new ArrayList<>();
        p.add(fixed ? literal(text) : regex());
        if (chance(8)) {
            p.add(fixed ? literal(text) : regex());
        }
        return p;
    }

    /** A random combination of two or three options. */
    java.util.Set<Option> combination() {
        java.util.Set<Option> set = java.util.EnumSet.noneOf(Option.class);
        int n = 2 + r.nextInt(2);
        while (set.size() < n) {
            set.add(pick(Option.values()));
        }
        return set;
    }

    long nextSeed() {
        return r.nextLong();
    }
}
