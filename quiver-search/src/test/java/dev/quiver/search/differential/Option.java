package dev.quiver.search.differential;

import java.util.EnumSet;
import java.util.Set;

/** The command-line options the differential test varies, each named by its short flag. */
enum Option {
    IGNORE_CASE('i'), WORD('w'), LINE('x'), INVERT('v'), COUNT('c'), ONLY_MATCHING('o'), FIXED('F'), MULTILINE('U');

    final char letter;

    Option(char letter) {
        this.letter = letter;
    }

    /** Parses letters such as {@code "iw"} ({@code ""} is no option). */
    static Set<Option> parse(String letters) {
        Set<Option> set = EnumSet.noneOf(Option.class);
        for (char c : letters.toCharArray()) {
            Option found = null;
            for (Option o : values()) {
                if (o.letter == c) {
                    found = o;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown option letter '" + c + "' in '" + letters + "' (use iwxvcoFU)");
            }
            set.add(found);
        }
        return set;
    }

    /** The options as command-line flags, e.g. {@code "-i -w"} ({@code "(none)"} when empty). */
    static String describe(Set<Option> options) {
        if (options.isEmpty()) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder();
        for (Option o : options) {
            sb.append(sb.length() == 0 ? "-" : " -").append(o.letter);
        }
        return sb.toString();
    }
}
