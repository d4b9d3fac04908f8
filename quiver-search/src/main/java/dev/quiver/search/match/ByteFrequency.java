package dev.quiver.search.match;

/**
 * A background frequency of bytes in the code Quiver searches (higher rank = rarer), used to pick
 * the rarest byte of a literal to scan for, as ripgrep does. Measured on 156 MB of smali (the
 * large corpus) and 100 MB of JDK Java sources, each weighted equally: in smali {@code I} (the
 * int type) is more common than {@code E} or {@code x}, which a table for prose would get wrong.
 * Bytes not listed (controls, non-ASCII) are the rarest.
 */
final class ByteFrequency {
    private static final String COMMON_FIRST =
            " etainorludsc/v0p,m\"g.\\hbLf;-1S4yI23{}j_A)(kECw*T6:F9>xM5DPOR8N7BV=$<U#HGz@[qW]Z+KYJQ'X&!|?%`^~\t";

    private ByteFrequency() {
    }

    static int rank(char c) {
        int r = COMMON_FIRST.indexOf(c);
        return r < 0 ? COMMON_FIRST.length() + 1 : r;
    }

    /** Index of the rarest character of {@code s}. */
    static int rarestIndex(String s) {
        return rarestIndex(s, false);
    }

    /**
     * Index of the rarest character of {@code s}; {@code folded}: both cases of a letter are
     * looked for, so a letter is as common as its more common case.
     */
    static int rarestIndex(String s, boolean folded) {
        int best = 0;
        int bestRank = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int r = folded && c < 0x80
                    ? Math.min(rank(Character.toLowerCase(c)), rank(Character.toUpperCase(c)))
                    : rank(c);
            if (r > bestRank) {
                bestRank = r;
                best = i;
            }
        }
        return best;
    }
}
