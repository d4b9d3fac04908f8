package dev.quiver.search.match;

/**
 * A required literal, found on the bytes: the literal's rarest byte (by a background frequency
 * table, as ripgrep does) is looked for eight bytes at a time, and the whole literal is compared
 * around each hit.
 */
final class LiteralPrefilter implements Prefilter {
    private final byte[] literal;
    private final int pivot;
    private final byte rare;

    /** {@code literal} holds the pattern's UTF-8 bytes, one char per byte (Latin-1 view). */
    LiteralPrefilter(String literal) {
        this.literal = Latin1.bytes(literal);
        this.pivot = ByteFrequency.rarestIndex(literal);
        this.rare = this.literal[pivot];
    }

    @Override
    public Scanner scanner(byte[] b, int length) {
        final byte[] lit = literal;
        final int piv = pivot;
        final byte c = rare;
        return (from, to) -> {
            int p = from + piv;
            while (true) {
                int i = Bytes.indexOf(b, c, p, length);
                if (i < 0) {
                    return -1;
                }
                int start = i - piv;
                if (start >= to) {
                    return -1;
                }
                if (start + lit.length <= length && Bytes.regionEquals(b, start, lit)) {
                    return start;
                }
                p = i + 1;
            }
        };
    }

    @Override
    public String toString() {
        return "literal " + Latin1.string(literal);
    }
}
