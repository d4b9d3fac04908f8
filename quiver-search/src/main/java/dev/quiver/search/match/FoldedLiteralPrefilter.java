package dev.quiver.search.match;

/**
 * An ASCII literal matched ignoring case: the rarest letter of the literal is looked for in both
 * cases with the {@code indexOf} intrinsic, and the whole literal is then compared around it.
 */
final class FoldedLiteralPrefilter implements Prefilter {
    private final String literal;
    private final int pivot;
    private final char lower;
    private final char upper;

    FoldedLiteralPrefilter(String literal) {
        this.literal = literal;
        this.pivot = ByteFrequency.rarestIndex(literal);
        char c = literal.charAt(pivot);
        this.lower = Character.toLowerCase(c);
        this.upper = Character.toUpperCase(c);
    }

    @Override
    public Scanner scanner(byte[] bytes, String text) {
        return new Scanner() {
            private int nextLower = -2;
            private int nextUpper = -2;

            @Override
            public int next(int from, int to) {
                int len = literal.length();
                int p = from + pivot;
                while (true) {
                    if (nextLower != -1 && nextLower < p) {
                        nextLower = text.indexOf(lower, p);
                    }
                    if (upper != lower && nextUpper != -1 && nextUpper < p) {
                        nextUpper = text.indexOf(upper, p);
                    }
                    int cand = min(nextLower, upper == lower ? -1 : nextUpper);
                    if (cand < 0) {
                        return -1;
                    }
                    int start = cand - pivot;
                    if (start >= to) {
                        return -1;
                    }
                    if (start + len <= text.length() && text.regionMatches(true, start, literal, 0, len)) {
                        return start;
                    }
                    p = cand + 1;
                }
            }
        };
    }

    private static int min(int a, int b) {
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        return Math.min(a, b);
    }

    @Override
    public String toString() {
        return "folded literal " + literal;
    }
}
