package dev.quiver.search.match;

/** A required literal, found with {@link String#indexOf(String, int)} (a HotSpot intrinsic on Latin-1 text). */
final class LiteralPrefilter implements Prefilter {
    private final String literal;

    /** {@code literal} holds the pattern's UTF-8 bytes, one char per byte (Latin-1 view). */
    LiteralPrefilter(String literal) {
        this.literal = literal;
    }

    @Override
    public Scanner scanner(byte[] bytes, String text) {
        if (literal.length() == 1) {
            char c = literal.charAt(0);
            return (from, to) -> {
                int i = text.indexOf(c, from);
                return i >= 0 && i < to ? i : -1;
            };
        }
        return (from, to) -> {
            int i = text.indexOf(literal, from);
            return i >= 0 && i < to ? i : -1;
        };
    }

    @Override
    public String toString() {
        return "literal " + literal;
    }
}
