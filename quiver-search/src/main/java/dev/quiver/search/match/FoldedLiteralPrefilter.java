package dev.quiver.search.match;

/**
 * An ASCII literal matched ignoring case: the rarest letter of the literal is looked for in both
 * cases at once (eight bytes at a time), and the whole literal is then compared around it.
 */
final class FoldedLiteralPrefilter implements Prefilter {
    private final byte[] lowerLiteral;
    private final int pivot;
    private final byte lower;
    private final byte upper;

    /** {@code literal} is ASCII (the pattern analysis keeps no other literal when ignoring case). */
    FoldedLiteralPrefilter(String literal) {
        byte[] b = Latin1.bytes(literal);
        for (int i = 0; i < b.length; i++) {
            if (b[i] >= 'A' && b[i] <= 'Z') {
                b[i] += 'a' - 'A';
            }
        }
        this.lowerLiteral = b;
        this.pivot = ByteFrequency.rarestIndex(literal, true);
        this.lower = b[pivot];
        byte up = lower >= 'a' && lower <= 'z' ? (byte) (lower - ('a' - 'A')) : lower;
        this.upper = up;
    }

    @Override
    public Scanner scanner(byte[] b, int length) {
        final byte[] lit = lowerLiteral;
        final int piv = pivot;
        final byte lo = lower;
        final byte up = upper;
        return (from, to) -> {
            int p = from + piv;
            while (true) {
                int i = lo == up ? Bytes.indexOf(b, lo, p, length) : Bytes.indexOfEither(b, lo, up, p, length);
                if (i < 0) {
                    return -1;
                }
                int start = i - piv;
                if (start >= to) {
                    return -1;
                }
                if (start + lit.length <= length && Bytes.regionEqualsAsciiIgnoreCase(b, start, lit)) {
                    return start;
                }
                p = i + 1;
            }
        };
    }

    @Override
    public String toString() {
        return "folded literal " + Latin1.string(lowerLiteral);
    }
}
