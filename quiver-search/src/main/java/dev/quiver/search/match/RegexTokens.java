package dev.quiver.search.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one reading of a {@code java.util.regex} pattern that every fast path shares (literal
 * extraction, the class-run prefilter, multiline detection, the ASCII and whole-buffer
 * shortcuts): a flat list of tokens, each with its place in the pattern and the flags in force
 * there, cut where {@link Pattern}'s own parser cuts. That means its rules, quirks included: a
 * {@code ]} is literal until a class has a member ({@code []a]}, {@code [^]a]}, {@code [[]a]]}),
 * {@code [} inside a class opens a nested one, {@code &&} intersects, {@code \Q…\E} quotes
 * (also inside classes; a quantifier after {@code \E} takes the last quoted character),
 * {@code \1}{@code 1} is group 1 then {@code 1} unless eleven groups are open, {@code \cX} takes
 * any character, and under {@code (?x)} whitespace and {@code #} comments are skipped, also
 * inside classes.
 *
 * <p>The tokenizer reads any string without failing. Where it cannot follow the pattern (an
 * unknown escape, an unclosed class, whitespace where {@code (?x)} makes Java's reading odd) it
 * sets {@link #understood()} to false: a reader must then say less (no literal, "may match a
 * newline"), never guess. Patterns reach it only after {@link Pattern#compile} accepted them.
 */
public final class RegexTokens {
    /** What a token is. */
    public enum Kind {
        /** One code point ({@link Token#value}): a character, an escaped or quoted one, {@code \x41}, {@code \t}… */
        LITERAL,
        /** One code point from a set: {@code [...]}, {@code .}, {@code \w}, {@code \p{L}}; its text compiles on its own. */
        CLASS,
        /** A zero-width assertion: {@code ^ $ \b \B \A \z \Z \G \b{g}}. */
        ANCHOR,
        /** {@code (} of any kind ({@link Token#group}); the group ends at the matching {@link #END_GROUP}. */
        GROUP,
        /** {@code )}. */
        END_GROUP,
        /** {@code |}. */
        ALTERNATION,
        /** {@code * + ? {m,n}} (lazy or possessive included): {@link Token#min}, {@link Token#max} (-1: no limit). */
        QUANTIFIER,
        /** {@code \1}, {@code \k<name>}. */
        BACKREF,
        /** {@code (?i)}, {@code (?-m)}: flags for the rest of the enclosing group ({@link Token#flags} after it). */
        FLAGS,
        /** Something not modelled further ({@code \R}, {@code \X}), or not understood. */
        OTHER
    }

    /** The kind of a group. */
    public enum Group {
        CAPTURING, NAMED, NON_CAPTURING, FLAGS, ATOMIC, LOOKAHEAD, NEGATIVE_LOOKAHEAD, LOOKBEHIND, NEGATIVE_LOOKBEHIND;

        /** True for the four look-around kinds. */
        public boolean isLookaround() {
            return this == LOOKAHEAD || this == NEGATIVE_LOOKAHEAD || this == LOOKBEHIND || this == NEGATIVE_LOOKBEHIND;
        }
    }

    /**
     * One token: {@code [start, end)} in the pattern, and the {@link Pattern} flags in force there.
     *
     * @param value a {@link Kind#LITERAL}'s code point, a {@link Kind#BACKREF}'s group number (0 for a named one)
     * @param min   a {@link Kind#QUANTIFIER}'s minimum
     * @param max   a {@link Kind#QUANTIFIER}'s maximum, -1 for none
     * @param group a {@link Kind#GROUP}'s kind, else null
     */
    public record Token(Kind kind, int start, int end, int value, int min, int max, Group group, int flags) {
    }

    private static final int FLAG_MASKS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.DOTALL
            | Pattern.UNIX_LINES | Pattern.UNICODE_CASE | Pattern.COMMENTS | Pattern.CANON_EQ
            | Pattern.UNICODE_CHARACTER_CLASS;

    /** The pattern as given. */
    private final String source;
    /** The pattern as read: without its empty quotes ({@code \Q\E}), which Java removes before parsing. */
    private final String pattern;
    /** For each char of {@link #pattern}, its index in {@link #source}. */
    private final int[] sourceIndex;
    private final List<Token> tokens = new ArrayList<>();
    private boolean understood = true;
    private boolean uppercaseLiteral;
    /** What closes a pattern that ends inside a {@code \Q} quote or a {@code #} comment, or "". */
    private String openEnd = "";

    // parser state
    private int flags;
    private int captures;
    private final List<Integer> savedFlags = new ArrayList<>();

    private RegexTokens(String source, int flags) {
        this.source = source;
        this.flags = flags & FLAG_MASKS;
        // Java's first pass (RemoveQEQuoting) turns quotes into escapes; an empty one leaves
        // nothing, so '[\Q\E^a]' is '[^a]' and '(\Q\E?:a)' is '(?:a)': read without them
        StringBuilder sb = new StringBuilder(source.length());
        int[] index = new int[source.length()];
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < n) {
                if (source.charAt(i + 1) == 'Q') {
                    int end = source.indexOf("\\E", i + 2);
                    if (end == i + 2) {
                        i += 4;
                        continue;
                    }
                    int stop = end < 0 ? n : end + 2;
                    for (; i < stop; i++) {
                        index[sb.length()] = i;
                        sb.append(source.charAt(i));
                    }
                    continue;
                }
                index[sb.length()] = i;
                sb.append(c);
                i++;
            }
            index[sb.length()] = i;
            sb.append(source.charAt(i));
            i++;
        }
        this.pattern = sb.toString();
        this.sourceIndex = java.util.Arrays.copyOf(index, pattern.length());
    }

    /** Tokenizes {@code pattern} as {@link Pattern#compile(String, int)} with {@code flags} would read it. */
    public static RegexTokens of(String pattern, int flags) {
        RegexTokens t = new RegexTokens(pattern, flags);
        t.parse();
        t.toSourceOffsets();
        return t;
    }

    /** Moves the tokens' offsets from the pattern as read to the pattern as given. */
    private void toSourceOffsets() {
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            int start = t.start() < sourceIndex.length ? sourceIndex[t.start()] : source.length();
            int end = t.end() == 0 ? start : sourceIndex[t.end() - 1] + 1;
            tokens.set(k, new Token(t.kind(), start, end, t.value(), t.min(), t.max(), t.group(), t.flags()));
        }
    }

    public String pattern() {
        return source;
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** False when some part of the pattern was not followed: every answer drawn from the tokens must then be the cautious one. */
    public boolean understood() {
        return understood;
    }

    /**
     * True when a character written as itself (plainly, escaped punctuation, quoted, or inside a
     * class) is upper case: smart case's test. Escapes such as {@code \S}, {@code \x41} or
     * {@code \p{Lu}} do not count.
     */
    public boolean hasUppercaseLiteral() {
        return uppercaseLiteral;
    }

    /**
     * What must follow the pattern before more regex text can: {@code \E} when it ends inside a
     * {@code \Q} quote, a newline when it ends inside a {@code #} comment under {@code (?x)}, else
     * "". Quiver appends it before wrapping a pattern ({@code -w}, {@code -x}, several {@code -e}),
     * which would otherwise be quoted or commented away.
     */
    public String openEnd() {
        return openEnd;
    }

    /** The pattern text of {@code t}. */
    public String text(Token t) {
        return source.substring(t.start(), t.end());
    }

    /**
     * True when the token at {@code i}, a {@link Kind#QUANTIFIER}, repeats nothing: Java lets
     * {@code {0}} start a sequence and a second quantifier follow a first ({@code a{2}{3}}); such
     * a quantifier repeats the empty string.
     */
    public boolean quantifiesNothing(int i) {
        if (i == 0) {
            return true;
        }
        Kind k = tokens.get(i - 1).kind();
        return k == Kind.QUANTIFIER || k == Kind.ALTERNATION || k == Kind.GROUP || k == Kind.FLAGS;
    }

    /** The index of the {@link Kind#END_GROUP} that closes the group opened at {@code i}, or the token count. */
    public int groupEnd(int i) {
        int depth = 0;
        for (int k = i; k < tokens.size(); k++) {
            Kind kind = tokens.get(k).kind();
            if (kind == Kind.GROUP) {
                depth++;
            } else if (kind == Kind.END_GROUP && --depth == 0) {
                return k;
            }
        }
        return tokens.size();
    }

    // ---- the parser ------------------------------------------------------------------------

    private boolean comments() {
        return (flags & Pattern.COMMENTS) != 0;
    }

    private void add(Kind kind, int start, int end, int value) {
        tokens.add(new Token(kind, start, end, value, 0, 0, null, flags));
    }

    private void doubt() {
        understood = false;
    }

    private int length() {
        return pattern.length();
    }

    private char at(int i) {
        return pattern.charAt(i);
    }

    private void parse() {
        int i = 0;
        int n = length();
        while (true) {
            i = skipComments(i);
            if (i >= n) {
                break;
            }
            char c = at(i);
            int start = i;
            switch (c) {
                case '(' -> i = groupOpen(i);
                case ')' -> {
                    add(Kind.END_GROUP, i, i + 1, 0);
                    if (savedFlags.isEmpty()) {
                        doubt(); // unmatched: not a valid pattern
                    } else {
                        flags = savedFlags.remove(savedFlags.size() - 1);
                    }
                    i++;
                }
                case '|' -> add(Kind.ALTERNATION, i, ++i, 0);
                case '[' -> {
                    int end = bracketClass(i, true);
                    if (end < 0) {
                        doubt();
                        add(Kind.OTHER, i, n, 0);
                        return;
                    }
                    add(Kind.CLASS, start, end, 0);
                    i = end;
                }
                case '.' -> add(Kind.CLASS, i, ++i, 0);
                case '^', '$' -> add(Kind.ANCHOR, i, ++i, 0);
                case '*', '+', '?', '{' -> i = quantifier(i);
                case '\\' -> i = escapeOutsideClass(i);
                default -> {
                    int cp = pattern.codePointAt(i);
                    i += Character.charCount(cp);
                    literal(start, i, cp);
                }
            }
        }
        if (!savedFlags.isEmpty()) {
            doubt(); // an unclosed group
        }
    }

    private void literal(int start, int end, int cp) {
        if (Character.isUpperCase(cp)) {
            uppercaseLiteral = true;
        }
        add(Kind.LITERAL, start, end, cp);
    }

    /**
     * Under {@code (?x)}, skips whitespace and {@code #} comments from {@code i} as Java's
     * {@code peek()} does; returns where the next token starts.
     */
    private int skipComments(int i) {
        if (!comments()) {
            return i;
        }
        int n = length();
        while (i < n) {
            char c = at(i);
            if (isSpace(c)) {
                i++;
            } else if (c == '#') {
                int j = i + 1;
                while (j < n && !lineSeparator(at(j))) {
                    j++;
                }
                if (pattern.substring(i, j).contains("\\Q")) {
                    doubt(); // Java quotes before it reads comments: the quote would swallow the rest
                }
                openEnd = j >= n ? "\n" : "";
                i = j;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private boolean lineSeparator(char c) {
        if ((flags & Pattern.UNIX_LINES) != 0) {
            return c == '\n';
        }
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    /** Under {@code (?x)}, Java skips whitespace inside some multi-character constructs; this tokenizer does not follow it there. */
    private void doubtSpaceIn(int from, int to) {
        if (comments()) {
            for (int k = from; k < to && k < length(); k++) {
                if (isSpace(at(k)) || at(k) == '#') {
                    doubt();
                }
            }
        }
    }

    // ---- groups and flags ------------------------------------------------------------------

    private int groupOpen(int i) {
        int n = length();
        int start = i;
        if (i + 1 >= n || at(i + 1) != '?') {
            if (i + 1 < n && comments() && (isSpace(at(i + 1)) || at(i + 1) == '#')) {
                doubt(); // Java would look past the space for a '?'
            }
            captures++;
            openGroup(Group.CAPTURING, start, i + 1);
            return i + 1;
        }
        int j = i + 2;
        char k = j < n ? at(j) : 0;
        switch (k) {
            case ':' -> {
                openGroup(Group.NON_CAPTURING, start, j + 1);
                return j + 1;
            }
            case '=' -> {
                openGroup(Group.LOOKAHEAD, start, j + 1);
                return j + 1;
            }
            case '!' -> {
                openGroup(Group.NEGATIVE_LOOKAHEAD, start, j + 1);
                return j + 1;
            }
            case '>' -> {
                openGroup(Group.ATOMIC, start, j + 1);
                return j + 1;
            }
            case '<' -> {
                char l = j + 1 < n ? at(j + 1) : 0;
                if (l == '=' || l == '!') {
                    openGroup(l == '=' ? Group.LOOKBEHIND : Group.NEGATIVE_LOOKBEHIND, start, j + 2);
                    return j + 2;
                }
                int gt = pattern.indexOf('>', j + 1);
                if (gt < 0) {
                    doubt();
                    add(Kind.OTHER, start, n, 0);
                    return n;
                }
                captures++;
                openGroup(Group.NAMED, start, gt + 1);
                return gt + 1;
            }
            default -> {
                return flagGroup(start, j);
            }
        }
    }

    private void openGroup(Group kind, int start, int end) {
        doubtSpaceIn(start + 1, end);
        savedFlags.add(flags);
        tokens.add(new Token(Kind.GROUP, start, end, 0, 0, 0, kind, flags));
    }

    /** {@code (?idmsuxUc-idmsuxUc)} or {@code (?flags:}; {@code j} is after {@code (?}. */
    private int flagGroup(int start, int j) {
        int n = length();
        int f = flags;
        boolean on = true;
        while (j < n) {
            char c = at(j);
            int bit = switch (c) {
                case 'i' -> Pattern.CASE_INSENSITIVE;
                case 'm' -> Pattern.MULTILINE;
                case 's' -> Pattern.DOTALL;
                case 'd' -> Pattern.UNIX_LINES;
                case 'u' -> Pattern.UNICODE_CASE;
                case 'c' -> Pattern.CANON_EQ;
                case 'x' -> Pattern.COMMENTS;
                case 'U' -> Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNICODE_CASE;
                default -> 0;
            };
            if (c == '-' && on) {
                on = false;
            } else if (bit != 0) {
                f = on ? f | bit : f & ~bit;
            } else {
                break;
            }
            j++;
        }
        char end = j < n ? at(j) : 0;
        if (end == ')') {
            doubtSpaceIn(start + 1, j);
            flags = f;
            tokens.add(new Token(Kind.FLAGS, start, j + 1, 0, 0, 0, null, flags));
            return j + 1;
        }
        if (end == ':') {
            doubtSpaceIn(start + 1, j);
            savedFlags.add(flags);
            flags = f;
            tokens.add(new Token(Kind.GROUP, start, j + 1, 0, 0, 0, Group.FLAGS, flags));
            return j + 1;
        }
        doubt(); // not a group Java knows
        add(Kind.OTHER, start, Math.min(n, j + 1), 0);
        return Math.min(n, j + 1);
    }

    // ---- quantifiers -----------------------------------------------------------------------

    private int quantifier(int i) {
        int n = length();
        int start = i;
        int min;
        int max;
        char c = at(i);
        if (c == '*' || c == '+' || c == '?') {
            min = c == '+' ? 1 : 0;
            max = c == '?' ? 1 : -1;
            i++;
        } else {
            int close = pattern.indexOf('}', i);
            if (close < 0 || !countedQuantifier(pattern.substring(i + 1, close))) {
                doubt(); // Java rejects '{' that does not start a counted quantifier
                add(Kind.OTHER, i, i + 1, 0);
                return i + 1;
            }
            String body = pattern.substring(i + 1, close);
            int comma = body.indexOf(',');
            try {
                min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
            } catch (NumberFormatException e) {
                doubt(); // too large for an int: Java rejects it
                add(Kind.OTHER, i, close + 1, 0);
                return close + 1;
            }
            i = close + 1;
        }
        if (i < n && (at(i) == '?' || at(i) == '+')) {
            i++; // lazy or possessive
        } else if (comments()) {
            int next = skipComments(i);
            if (next < n && (at(next) == '?' || at(next) == '+')) {
                doubt(); // Java looks past the space for the lazy or possessive mark
            }
        }
        tokens.add(new Token(Kind.QUANTIFIER, start, i, 0, min, max, null, flags));
        return i;
    }

    private static boolean countedQuantifier(String body) {
        // Java: digits, then optionally ',' and optionally digits
        int k = 0;
        while (k < body.length() && body.charAt(k) >= '0' && body.charAt(k) <= '9') {
            k++;
        }
        if (k == 0) {
            return false;
        }
        if (k == body.length()) {
            return true;
        }
        if (body.charAt(k) != ',') {
            return false;
        }
        for (int m = k + 1; m < body.length(); m++) {
            if (body.charAt(m) < '0' || body.charAt(m) > '9') {
                return false;
            }
        }
        return true;
    }

    // ---- escapes ---------------------------------------------------------------------------

    /** What one escape sequence is: its end, and a code point (a single character) or a kind. */
    private record Escape(int end, int codePoint, Kind kind) {
        static Escape error(int end) {
            return new Escape(end, -1, null);
        }
    }

    private int escapeOutsideClass(int i) {
        int n = length();
        if (i + 1 >= n) {
            doubt(); // a trailing backslash: Java rejects it
            add(Kind.OTHER, i, n, 0);
            return n;
        }
        char e = at(i + 1);
        if (e == 'Q') {
            int end = pattern.indexOf("\\E", i + 2);
            int stop = end < 0 ? n : end;
            int k = i + 2;
            while (k < stop) {
                int cp = pattern.codePointAt(k);
                int next = k + Character.charCount(cp);
                literal(k, next, cp);
                k = next;
            }
            if (end < 0) {
                openEnd = "\\E";
                return n;
            }
            return end + 2;
        }
        if (e >= '1' && e <= '9') {
            // Java takes more digits only while they name a group opened so far
            int number = e - '0';
            int k = i + 2;
            while (k < n && at(k) >= '0' && at(k) <= '9' && number * 10 + (at(k) - '0') <= captures) {
                number = number * 10 + (at(k) - '0');
                k++;
            }
            add(Kind.BACKREF, i, k, number);
            return k;
        }
        if (e == 'k') {
            int gt = i + 2 < n && at(i + 2) == '<' ? pattern.indexOf('>', i + 3) : -1;
            if (gt < 0) {
                doubt();
                add(Kind.OTHER, i, n, 0);
                return n;
            }
            add(Kind.BACKREF, i, gt + 1, 0);
            return gt + 1;
        }
        switch (e) {
            case 'b' -> {
                int end = pattern.startsWith("{g}", i + 2) ? i + 5 : i + 2;
                add(Kind.ANCHOR, i, end, 0);
                return end;
            }
            case 'B', 'A', 'G', 'z', 'Z' -> {
                add(Kind.ANCHOR, i, i + 2, 0);
                return i + 2;
            }
            case 'R', 'X' -> {
                add(Kind.OTHER, i, i + 2, 0);
                return i + 2;
            }
            default -> {
                Escape x = escape(i);
                if (x.kind() == null) {
                    doubt();
                    add(Kind.OTHER, i, x.end(), 0);
                } else if (x.kind() == Kind.LITERAL) {
                    if (!Character.isLetterOrDigit(e)) {
                        literal(i, x.end(), x.codePoint()); // escaped punctuation is written as itself
                    } else {
                        add(Kind.LITERAL, i, x.end(), x.codePoint());
                    }
                } else {
                    add(x.kind(), i, x.end(), 0);
                }
                return x.end();
            }
        }
    }

    /**
     * The escapes that mean the same inside and outside a class: a character ({@link Kind#LITERAL}
     * with its code point) or a set ({@link Kind#CLASS}); {@code kind} null when Java rejects it.
     */
    private Escape escape(int i) {
        int n = length();
        char e = at(i + 1);
        int j = i + 2;
        switch (e) {
            case 'w', 'W', 'd', 'D', 's', 'S', 'h', 'H', 'v', 'V' -> {
                return new Escape(j, -1, Kind.CLASS);
            }
            case 'p', 'P' -> {
                if (pattern.startsWith("\\Q", j)) {
                    return Escape.error(j); // '\p\QL\E' is '\pL' after Java's unquoting: not followed
                }
                if (j < n && at(j) == '{') {
                    int close = pattern.indexOf('}', j);
                    if (close < 0) {
                        return Escape.error(n);
                    }
                    doubtSpaceIn(j, close);
                    return new Escape(close + 1, -1, Kind.CLASS);
                }
                return j < n ? new Escape(j + 1, -1, Kind.CLASS) : Escape.error(n);
            }
            case 't' -> {
                return new Escape(j, '\t', Kind.LITERAL);
            }
            case 'n' -> {
                return new Escape(j, '\n', Kind.LITERAL);
            }
            case 'r' -> {
                return new Escape(j, '\r', Kind.LITERAL);
            }
            case 'f' -> {
                return new Escape(j, '\f', Kind.LITERAL);
            }
            case 'a' -> {
                return new Escape(j, 7, Kind.LITERAL);
            }
            case 'e' -> {
                return new Escape(j, 27, Kind.LITERAL);
            }
            case 'c' -> {
                if (j >= n || pattern.startsWith("\\Q", j)) {
                    return Escape.error(Math.min(n, j + 2));
                }
                doubtSpaceIn(j, j + 1);
                int cp = pattern.codePointAt(j);
                return new Escape(j + Character.charCount(cp), cp ^ 64, Kind.LITERAL);
            }
            case '0' -> {
                return octal(j);
            }
            case 'x' -> {
                return hex(j);
            }
            case 'u' -> {
                return unicode(j);
            }
            case 'N' -> {
                int close = j < n && at(j) == '{' ? pattern.indexOf('}', j) : -1;
                if (close < 0) {
                    return Escape.error(n);
                }
                try {
                    return new Escape(close + 1, Character.codePointOf(pattern.substring(j + 1, close)), Kind.LITERAL);
                } catch (IllegalArgumentException ex) {
                    return Escape.error(close + 1);
                }
            }
            default -> {
                if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')) {
                    return Escape.error(j); // an escape Java does not know here
                }
                int cp = pattern.codePointAt(i + 1);
                return new Escape(i + 1 + Character.charCount(cp), cp, Kind.LITERAL);
            }
        }
    }

    private Escape octal(int j) {
        int n = length();
        int v = 0;
        int k = j;
        while (k < n && k < j + 3 && at(k) >= '0' && at(k) <= '7') {
            if (k == j + 2 && at(j) > '3') {
                break; // a third digit only when the value stays under 0400
            }
            v = v * 8 + (at(k) - '0');
            k++;
        }
        return k == j ? Escape.error(j) : new Escape(k, v, Kind.LITERAL);
    }

    private Escape hex(int j) {
        int n = length();
        if (j < n && at(j) == '{') {
            int close = pattern.indexOf('}', j);
            if (close < 0 || close == j + 1) {
                return Escape.error(n);
            }
            try {
                int v = Integer.parseInt(pattern.substring(j + 1, close), 16);
                return v > Character.MAX_CODE_POINT ? Escape.error(close + 1) : new Escape(close + 1, v, Kind.LITERAL);
            } catch (NumberFormatException ex) {
                return Escape.error(close + 1);
            }
        }
        if (j + 2 <= n && isHex(at(j)) && isHex(at(j + 1))) {
            return new Escape(j + 2, Integer.parseInt(pattern.substring(j, j + 2), 16), Kind.LITERAL);
        }
        return Escape.error(Math.min(n, j + 2));
    }

    private Escape unicode(int j) {
        int n = length();
        if (j + 4 > n || !isHex4(j)) {
            return Escape.error(Math.min(n, j + 4));
        }
        char v = (char) Integer.parseInt(pattern.substring(j, j + 4), 16);
        // Java joins an escaped surrogate pair into one code point
        if (Character.isHighSurrogate(v) && j + 10 <= n && at(j + 4) == '\\' && at(j + 5) == 'u' && isHex4(j + 6)) {
            char low = (char) Integer.parseInt(pattern.substring(j + 6, j + 10), 16);
            if (Character.isLowSurrogate(low)) {
                return new Escape(j + 10, Character.toCodePoint(v, low), Kind.LITERAL);
            }
        }
        return new Escape(j + 4, v, Kind.LITERAL);
    }

    private boolean isHex4(int j) {
        for (int k = j; k < j + 4; k++) {
            if (!isHex(at(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // ---- bracket classes -------------------------------------------------------------------

    /**
     * Reads a class as Java's {@code clazz} does. {@code bracketed}: at its {@code [}, and its
     * {@code ]} is consumed; else the bare right side of {@code &&}, which ends before the
     * {@code ]} of the class it belongs to. Returns where it ends, or -1 when it is not closed
     * or not understood.
     */
    private int bracketClass(int i, boolean bracketed) {
        int n = length();
        int k = bracketed ? i + 1 : i;
        if (bracketed && k < n && at(k) == '^') {
            k++; // negation: only right after '[' (Java checks the raw character before it)
        }
        boolean hasMember = false;
        while (true) {
            k = skipComments(k);
            if (k >= n) {
                return -1;
            }
            char c = at(k);
            if (c == '[') {
                k = bracketClass(k, true);
                if (k < 0) {
                    return -1;
                }
                hasMember = true;
                continue;
            }
            if (c == '&' && k + 1 < n && at(k + 1) == '&') {
                k += 2;
                boolean right = false;
                while (true) {
                    k = skipComments(k);
                    if (k >= n) {
                        return -1;
                    }
                    char r = at(k);
                    if (r == ']' || r == '&') {
                        break;
                    }
                    k = bracketClass(k, r == '[');
                    if (k < 0) {
                        return -1;
                    }
                    right = true;
                }
                if (!hasMember && !right) {
                    return -1; // Java: "Bad class syntax"
                }
                hasMember = true;
                continue;
            }
            if (c == ']' && hasMember) {
                return bracketed ? k + 1 : k;
            }
            // a member: ']' with nothing before it is one too
            int[] member = classMember(k);
            if (member == null) {
                return -1;
            }
            k = member[0];
            hasMember |= member[1] != 0;
        }
    }

    /**
     * One member at {@code k}: a character, a range, an escape or a quote. Returns {end, 1 if it
     * added a member (an empty quote adds none)}, or null when it is not understood.
     */
    private int[] classMember(int k) {
        int n = length();
        int end;
        if (at(k) == '\\') {
            if (k + 1 >= n) {
                return null;
            }
            char e = at(k + 1);
            if (e == 'Q') {
                int close = pattern.indexOf("\\E", k + 2);
                int stop = close < 0 ? n : close;
                for (int q = k + 2; q < stop; q++) {
                    noteLiteral(pattern.codePointAt(q));
                }
                int after = close < 0 ? n : close + 2;
                if (stop == k + 2) {
                    return new int[] {after, 0};
                }
                // the last quoted character may start a range, as after Java's unquoting
                return new int[] {rangeEnd(after), 1};
            }
            if (e == 'v' && k + 2 < n && at(k + 2) == '-') {
                return new int[] {rangeEnd(k + 2), 1}; // Java reads \v as U+000B when a range follows
            }
            Escape x = escape(k);
            if (x.kind() == null) {
                return null; // \b, \1, \R… are errors inside a class
            }
            if (!Character.isLetterOrDigit(e)) {
                noteLiteral(x.codePoint());
            }
            end = x.end();
            if (x.kind() == Kind.CLASS) {
                return new int[] {end, 1};
            }
        } else {
            int cp = pattern.codePointAt(k);
            noteLiteral(cp);
            end = k + Character.charCount(cp);
        }
        return new int[] {rangeEnd(end), 1};
    }

    /** After a single character ending at {@code k}: the end of the range it starts, or {@code k}. */
    private int rangeEnd(int k) {
        int n = length();
        if (comments() && k < n && (isSpace(at(k)) || at(k) == '#')) {
            int next = skipComments(k);
            if (next < n && at(next) == '-') {
                doubt(); // Java looks past the space for the '-', then reads the raw character after it
            }
            return k;
        }
        if (k + 1 >= n || at(k) != '-' || at(k + 1) == '[' || at(k + 1) == ']') {
            return k;
        }
        int m = k + 1;
        if (at(m) == '\\') {
            if (m + 1 >= n) {
                doubt(); // a trailing backslash: Java rejects it
                return n;
            }
            Escape x = escape(m);
            if (x.kind() != Kind.LITERAL) {
                doubt(); // Java rejects a range that ends in a set
                return x.end();
            }
            if (!Character.isLetterOrDigit(at(m + 1))) {
                noteLiteral(x.codePoint());
            }
            return x.end();
        }
        int cp = pattern.codePointAt(m);
        noteLiteral(cp);
        return m + Character.charCount(cp);
    }

    private void noteLiteral(int cp) {
        if (Character.isUpperCase(cp)) {
            uppercaseLiteral = true;
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            sb.append(sb.length() == 0 ? "" : " ").append(t.kind()).append('(').append(text(t)).append(')');
        }
        return (understood ? "" : "[not understood] ") + sb;
    }
}
