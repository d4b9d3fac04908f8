package dev.quiver.search.match;

/**
 * A rough background frequency of ASCII bytes in source code (higher = more common), used to
 * pick the rarest byte of a literal to search for, as ripgrep does.
 */
final class ByteFrequency {
    private static final String COMMON_FIRST = " etaoinsrlcdupmhgfyb.v,;()=-_/\"Lxk0123456789;:>[]ACTSEINROwqjzPMDFBUVHGWKXQYJZ";

    private ByteFrequency() {
    }

    static int rank(char c) {
        int lower = COMMON_FIRST.indexOf(Character.toLowerCase(c));
        int exact = COMMON_FIRST.indexOf(c);
        int r = exact >= 0 ? exact : lower;
        return r < 0 ? COMMON_FIRST.length() + 1 : r;
    }

    /** Index of the rarest character of {@code s}. */
    static int rarestIndex(String s) {
        int best = 0;
        int bestRank = -1;
        for (int i = 0; i < s.length(); i++) {
            int r = rank(s.charAt(i));
            if (r > bestRank) {
                bestRank = r;
                best = i;
            }
        }
        return best;
    }
}
