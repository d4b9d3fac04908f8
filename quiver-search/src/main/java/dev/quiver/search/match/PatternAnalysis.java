package dev.quiver.search.match;

import dev.quiver.search.match.RegexTokens.Kind;
import dev.quiver.search.match.RegexTokens.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the fast paths may conclude from a pattern, read through {@link RegexTokens}: the literal
 * runs every match must contain, the longest run of characters from one set, whether a match may
 * hold a newline, whether the ASCII pattern agrees with the Unicode one on ASCII text, and whether
 * a search over the whole buffer finds every line's match. It never decides whether a line
 * matches; it only tells where a match cannot be. Where the tokens are not understood, or a
 * construct is not modelled, it says less, never something wrong.
 */
public final class PatternAnalysis {
    /** The flags Quiver's buffer pattern is compiled with, besides case: the tokens' base. */
    private static final int BASE_FLAGS = Pattern.UNIX_LINES | Pattern.MULTILINE;
    private static final int UNICODE_FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** What one pattern atom is, for the purpose of prefiltering. */
    private enum Role { LITERAL, CLASS, ZERO_WIDTH, OTHER }

    /**
     * One atom of a top-level branch; {@code repeated}: it carries a quantifier, so a literal run
     * cannot go on past it. {@code token} indexes {@link RegexTokens#tokens()}.
     */
    private record Item(Role role, int token, int min, boolean repeated) {
    }

    private final RegexTokens tokens;
    private final boolean caseInsensitive;
    private final List<List<Item>> branches = new ArrayList<>();
    private final boolean inlineFlags;
    /** ASCII membership of a token compiled alone, by token index and extra flags. */
    private final Map<Long, boolean[]> asciiSets = new HashMap<>();
    /** Where a class starts that java.util.regex compiles but cannot match, or -1. */
    private int unmatchable = -1;

    private PatternAnalysis(String pattern, boolean caseInsensitive) {
        this.tokens = RegexTokens.of(pattern, BASE_FLAGS | (caseInsensitive ? Pattern.CASE_INSENSITIVE : 0));
        this.caseInsensitive = caseInsensitive;
        boolean flags = false;
        for (Token t : tokens.tokens()) {
            flags |= t.kind() == Kind.FLAGS || t.group() == RegexTokens.Group.FLAGS;
        }
        this.inlineFlags = flags;
        readBranches();
    }

    /** Analyses a regex. {@code caseInsensitive} is the effective case mode of the search. */
    public static PatternAnalysis of(String pattern, boolean caseInsensitive) {
        return new PatternAnalysis(pattern, caseInsensitive);
    }

    /** True when some literal character of the pattern is upper case (smart case looks only at these). */
    public static boolean hasUppercaseLiteral(String pattern) {
        return RegexTokens.of(pattern, Pattern.UNIX_LINES).hasUppercaseLiteral();
    }

    /**
     * What closes the pattern if it ends inside a quote or comment (see {@link RegexTokens#openEnd()}),
     * checked by compiling it in a group: should the tokens have missed one (a pattern they do not
     * understand), the other endings are tried.
     */
    public String openEnd() {
        int flags = BASE_FLAGS | (caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
        // a '#' comment may hold a \Q, which Java's first pass opens: both must be closed
        for (String end : new String[] {tokens.openEnd(), "", "\\E", "\n", "\\E\n"}) {
            try {
                Pattern.compile("(?:" + tokens.pattern() + end + ")", flags);
                return end;
            } catch (PatternSyntaxException e) {
                // try the next ending
            }
        }
        return "";
    }

    /** True when the pattern sets flags inline ({@code (?i)}, {@code (?x)}…); literal and class-run prefilters are then off. */
    public boolean hasInlineFlags() {
        return inlineFlags;
    }

    /**
     * True when a literal prefilter may look for {@code cp}'s bytes: not U+FFFD (which also stands
     * for every invalid byte), and with {@code -i} only ASCII (folded; see {@link #caseFoldPartners}
     * for the letters that also match a non-ASCII character).
     */
    public static boolean literalUsable(int cp, boolean caseInsensitive) {
        return cp != 0xFFFD && (!caseInsensitive || cp < 0x80);
    }

    /**
     * The non-ASCII characters that match some letter of an ASCII {@code literal} when case is
     * ignored with Unicode rules: {@code k} also matches the Kelvin sign, {@code s} the long s, and
     * {@code i} the dotted capital and the dotless small I. A folded-literal prefilter misses a
     * match that holds one of them, so it must also look for these (rare) characters. "" if none.
     */
    public static String caseFoldPartners(String literal) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            String p = switch (literal.charAt(i)) {
                case 'i', 'I' -> "\u0130\u0131";
                case 'k', 'K' -> "\u212a";
                case 's', 'S' -> "\u017f";
                default -> "";
            };
            for (int k = 0; k < p.length(); k++) {
                if (sb.indexOf(p.substring(k, k + 1)) < 0) {
                    sb.append(p.charAt(k));
                }
            }
        }
        return sb.toString();
    }

    /** The longest run of usable characters of a fixed string ({@code -F}), or "". */
    public static String longestUsableRun(String literal, boolean caseInsensitive) {
        String best = "";
        int start = 0;
        for (int i = 0; i <= literal.length(); ) {
            int cp = i < literal.length() ? literal.codePointAt(i) : -1;
            if (cp < 0 || !literalUsable(cp, caseInsensitive)) {
                if (i - start > best.length()) {
                    best = literal.substring(start, i);
                }
                i += cp < 0 ? 1 : Character.charCount(cp);
                start = i;
            } else {
                i += Character.charCount(cp);
            }
        }
        return best;
    }

    /**
     * One literal per top-level alternative such that every match contains at least one of them,
     * or an empty list when some alternative has no required literal.
     */
    public List<String> requiredLiterals() {
        if (inlineFlags || !tokens.understood()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (List<Item> branch : branches) {
            String best = bestLiteral(branch);
            if (best.isEmpty()) {
                return List.of();
            }
            out.add(best);
        }
        return out;
    }

    /**
     * The longest run of consecutive characters all drawn from one set, or null if shorter than 2.
     * The run never holds a newline: in multiline mode an item that may be one ends the run (a
     * match of {@code [a-z]\n[a-z]} holds no three letters in a row); line by line, no line holds
     * one, so such an item just loses the newline from its set.
     */
    public ClassRun longestClassRun(boolean multiline) {
        if (inlineFlags || !tokens.understood() || branches.size() != 1) {
            return null;
        }
        ClassRun best = null;
        boolean[] set = new boolean[256];
        int run = 0;
        for (Item item : branches.get(0)) {
            switch (item.role()) {
                case ZERO_WIDTH -> { }
                case LITERAL, CLASS -> {
                    boolean[] s = byteSet(item);
                    if (s == null || (multiline && s['\n'])) {
                        run = 0;
                        set = new boolean[256];
                        continue;
                    }
                    for (int i = 0; i < 256; i++) {
                        set[i] |= s[i];
                    }
                    run += item.min();
                    if (run >= 2 && (best == null || run > best.length())) {
                        boolean[] copy = set.clone();
                        copy['\n'] = false;
                        best = new ClassRun(copy, run);
                    }
                }
                default -> {
                    run = 0;
                    set = new boolean[256];
                }
            }
        }
        return best;
    }

    /** A run of at least {@code length} consecutive bytes, each one in {@code bytes}. */
    public record ClassRun(boolean[] bytes, int length) {
    }

    /**
     * Whether a match may hold a newline, which decides how rg 13 searches with -U (whole file or
     * line by line) and so what -c counts and where a binary file is cut. Each literal, class and
     * escape is tried on a newline with the flags in force at it (so {@code (?s).} may, {@code (?s)a}
     * cannot); a pattern not understood may.
     */
    public boolean mayMatchNewline() {
        if (!tokens.understood()) {
            return true;
        }
        for (Token t : tokens.tokens()) {
            if ((t.kind() == Kind.LITERAL && t.value() == '\n')
                    || ((t.kind() == Kind.CLASS || t.kind() == Kind.OTHER) && matchesNewline(t))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when Quiver's ASCII pattern (no Unicode flags) answers as the Unicode pattern on text
     * that is all ASCII. It does not for {@code \p{Punct}} (POSIX punctuation includes {@code $+<=>^`|~},
     * Unicode's does not), nor for a non-ASCII literal ignoring case whose partner is ASCII
     * ({@code ſ} and {@code s}). Each class and such literal is compared on the 128 ASCII characters.
     */
    public boolean asciiAgreesWithUnicode() {
        if (!tokens.understood()) {
            return false;
        }
        List<Token> list = tokens.tokens();
        for (int i = 0; i < list.size(); i++) {
            Token t = list.get(i);
            boolean check = t.kind() == Kind.CLASS
                    || (t.kind() == Kind.LITERAL && t.value() >= 0x80 && (t.flags() & Pattern.CASE_INSENSITIVE) != 0);
            if (check) {
                boolean[] ascii = asciiSet(i, 0);
                boolean[] unicode = asciiSet(i, UNICODE_FLAGS);
                if (ascii == null || unicode == null || !Arrays.equals(ascii, unicode)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * True when a match the pattern has on one line is also found when the pattern runs over the
     * whole buffer (with {@code MULTILINE}): nothing in it looks past the line's ends differently
     * in the two ({@code \A \z \Z \G}, look-around, {@code MULTILINE} or {@code UNIX_LINES} turned
     * off, canonical equivalence), and nothing that may take a newline refuses to give it back (a
     * possessive quantifier or atomic group over such an item, {@code \X}, {@code \R}): in the
     * buffer it would eat the newline and fail where the line alone matches. A pure-ASCII buffer is
     * then searched whole for candidates.
     */
    public boolean bufferSearchFindsLineMatches() {
        if (!tokens.understood()) {
            return false;
        }
        List<Token> list = tokens.tokens();
        for (int i = 0; i < list.size(); i++) {
            Token t = list.get(i);
            if ((t.flags() & BASE_FLAGS) != BASE_FLAGS || (t.flags() & Pattern.CANON_EQ) != 0) {
                return false;
            }
            switch (t.kind()) {
                case GROUP -> {
                    if (t.group().isLookaround()
                            || (t.group() == RegexTokens.Group.ATOMIC && mayMatchNewline(i, tokens.groupEnd(i)))) {
                        return false;
                    }
                }
                case ANCHOR -> {
                    String a = tokens.text(t);
                    if (a.startsWith("\\") && !a.equals("\\b") && !a.equals("\\B")) {
                        return false; // \A \z \Z \G \b{g}
                    }
                }
                case QUANTIFIER -> {
                    if (possessive(t) && !tokens.quantifiesNothing(i) && mayMatchNewline(operandStart(i), i)) {
                        return false;
                    }
                }
                case OTHER -> {
                    // \X takes the cluster "\r\n" whole, never just its "\r" (JDK 17's \R gives it back,
                    // but nothing here depends on that)
                    return false;
                }
                default -> { }
            }
        }
        return true;
    }

    private boolean possessive(Token q) {
        String text = tokens.text(q);
        return text.length() > 1 && text.endsWith("+");
    }

    /** Where the atom a quantifier at {@code q} repeats starts: the token before it, or its group's opening. */
    private int operandStart(int q) {
        List<Token> list = tokens.tokens();
        if (list.get(q - 1).kind() != Kind.END_GROUP) {
            return q - 1;
        }
        int depth = 0;
        for (int k = q - 1; k >= 0; k--) {
            Kind kind = list.get(k).kind();
            if (kind == Kind.END_GROUP) {
                depth++;
            } else if (kind == Kind.GROUP && --depth == 0) {
                return k;
            }
        }
        return 0;
    }

    /** True when a token of {@code [from, to)} may match a newline (a back reference may repeat one). */
    private boolean mayMatchNewline(int from, int to) {
        List<Token> list = tokens.tokens();
        for (int k = from; k < to && k < list.size(); k++) {
            Token t = list.get(k);
            if ((t.kind() == Kind.LITERAL && t.value() == '\n') || t.kind() == Kind.BACKREF
                    || ((t.kind() == Kind.CLASS || t.kind() == Kind.OTHER) && matchesNewline(t))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a class starts that {@code java.util.regex} accepts but fails on when it tries a
     * character ({@code [a-c|&&]}, a JDK bug), or -1.
     */
    public int unmatchableClass() {
        List<Token> list = tokens.tokens();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).kind() == Kind.CLASS) {
                asciiSet(i, 0);
            }
        }
        return unmatchable;
    }

    // ---- literals and sets ----------------------------------------------------------------

    private String bestLiteral(List<Item> branch) {
        String best = "";
        StringBuilder run = new StringBuilder();
        for (Item item : branch) {
            int cp = item.role() == Role.LITERAL ? tokens.tokens().get(item.token()).value() : -1;
            if (item.role() == Role.LITERAL && literalUsable(cp, caseInsensitive)) {
                if (item.min() == 0) {
                    best = better(best, run.toString());
                    run.setLength(0);
                    continue;
                }
                run.appendCodePoint(cp);
                if (item.repeated()) {
                    // a repeated character: required once, but the run cannot go on past it
                    best = better(best, run.toString());
                    run.setLength(0);
                    run.appendCodePoint(cp);
                }
            } else {
                best = better(best, run.toString());
                run.setLength(0);
            }
        }
        return better(best, run.toString());
    }

    private static String better(String a, String b) {
        return b.length() > a.length() ? b : a;
    }

    /**
     * The bytes a character of {@code item} may be made of: its ASCII members, and every byte from
     * 0x80 (those of multi-byte characters, and invalid bytes, which match as U+FFFD). Null when
     * the class does not compile on its own.
     */
    private boolean[] byteSet(Item item) {
        boolean[] set = new boolean[256];
        for (int i = 0x80; i < 256; i++) {
            set[i] = true;
        }
        Token t = tokens.tokens().get(item.token());
        if (item.role() == Role.LITERAL && (t.value() < 0x80 || !caseInsensitive)) {
            int cp = t.value();
            if (cp < 0x80) {
                set[cp] = true;
                if (caseInsensitive && Character.isLetter(cp)) {
                    set[Character.toLowerCase(cp)] = true;
                    set[Character.toUpperCase(cp)] = true;
                }
            }
            return set;
        }
        // a class, or a non-ASCII letter ignoring case, which may match an ASCII one (ſ and s)
        boolean[] ascii = asciiSet(item.token(), 0);
        boolean[] unicode = asciiSet(item.token(), UNICODE_FLAGS);
        if (ascii == null || unicode == null) {
            return null;
        }
        for (int c = 0; c < 0x80; c++) {
            set[c] = ascii[c] || unicode[c]; // either pattern may read the line
        }
        return set;
    }

    /** Which ASCII characters the token at {@code i} matches, compiled alone with its flags and {@code extra}; null if it does not compile. */
    private boolean[] asciiSet(int i, int extra) {
        long key = ((long) i << 32) | extra;
        if (asciiSets.containsKey(key)) {
            return asciiSets.get(key);
        }
        Token t = tokens.tokens().get(i);
        boolean[] set = new boolean[0x80];
        try {
            String source = t.kind() == Kind.LITERAL ? Pattern.quote(new String(Character.toChars(t.value()))) : tokens.text(t);
            java.util.regex.Matcher m = Pattern.compile(source, t.flags() | extra).matcher("");
            char[] one = new char[1];
            for (int c = 0; c < 0x80; c++) {
                one[0] = (char) c;
                set[c] = m.reset(new String(one)).matches();
            }
        } catch (PatternSyntaxException e) {
            set = null; // does not compile alone: unknown
        } catch (RuntimeException e) {
            // trips java.util.regex itself: '[a-c|&&]' compiles, then throws NullPointerException
            // whenever a character is tried on it (a JDK bug)
            set = null;
            if (unmatchable < 0) {
                unmatchable = t.start();
            }
        }
        asciiSets.put(key, set);
        return set;
    }

    private boolean matchesNewline(Token t) {
        try {
            return Pattern.compile(tokens.text(t), t.flags()).matcher("\n").find();
        } catch (RuntimeException e) {
            return true; // cannot tell (see asciiSet): may
        }
    }

    // ---- structure --------------------------------------------------------------------------

    /** Splits the top level at {@code |} into branches of items; a group is one opaque item. */
    private void readBranches() {
        List<Token> list = tokens.tokens();
        List<Item> current = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Token t = list.get(i);
            switch (t.kind()) {
                case ALTERNATION -> {
                    branches.add(current);
                    current = new ArrayList<>();
                }
                case GROUP -> {
                    current.add(new Item(Role.OTHER, i, 1, false));
                    i = tokens.groupEnd(i);
                }
                case LITERAL -> current.add(new Item(Role.LITERAL, i, 1, false));
                case CLASS -> current.add(new Item(Role.CLASS, i, 1, false));
                case ANCHOR -> current.add(new Item(Role.ZERO_WIDTH, i, 0, false));
                case QUANTIFIER -> {
                    if (!tokens.quantifiesNothing(i) && !current.isEmpty()) {
                        Item last = current.remove(current.size() - 1);
                        current.add(last.role() == Role.ZERO_WIDTH ? last : new Item(last.role(), last.token(), t.min(), true));
                    }
                }
                case FLAGS -> { }
                default -> current.add(new Item(Role.OTHER, i, 1, false)); // back references, \R, \X, stray ')'
            }
        }
        branches.add(current);
    }

    @Override
    public String toString() {
        return "PatternAnalysis[" + tokens.pattern() + "]";
    }
}
