package dev.quiver.core.query;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a filter value is matched: the one vocabulary of every query (CLI options, shell, REST).
 *
 * <ul>
 *   <li>{@link Mode#EXACT}: the whole value equals the text;</li>
 *   <li>{@link Mode#SUBSTRING}: the value contains the text;</li>
 *   <li>{@link Mode#GLOB}: the whole value matches, {@code *} standing for any run of characters
 *       (slashes included) and {@code ?} for one character; nothing else is special, so {@code [},
 *       {@code _} and {@code %} are themselves;</li>
 *   <li>{@link Mode#REGEX}: {@code java.util.regex} with Unicode character classes, found anywhere in
 *       the value (anchor with {@code ^…$}).</li>
 * </ul>
 *
 * <p>Matching is case-sensitive unless {@code ignoreCase}, which folds case as
 * {@code Pattern.CASE_INSENSITIVE | UNICODE_CASE} does, in every mode. SQL {@code LIKE} is never
 * used: its {@code _} and {@code %} wildcards and ASCII-only folding are what smalisca got wrong.
 * {@link #matches} is the reference semantics; the SQL translation ({@link SqlFilter}) must agree with
 * it, and a test checks that it does.
 */
public record NamePattern(Mode mode, String text, boolean ignoreCase) {
    /** How the text is read. */
    public enum Mode {
        EXACT, SUBSTRING, GLOB, REGEX;

        /** Parses {@code exact|substring|glob|regex} (case-insensitive); null for anything else. */
        public static Mode parse(String s) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(s)) {
                    return m;
                }
            }
            return null;
        }
    }

    public NamePattern {
        if (mode == null || text == null) {
            throw new IllegalArgumentException("mode and text are required");
        }
    }

    /**
     * The default reading of a value typed by a user: a glob when it holds {@code *} or {@code ?},
     * else a substring. (A glob still matches its own text, so a literal {@code ?} in a string only
     * widens the answer; {@code --exact} or {@code --match substring} turn this off.)
     */
    public static NamePattern auto(String text, boolean ignoreCase) {
        return new NamePattern(isGlob(text) ? Mode.GLOB : Mode.SUBSTRING, text, ignoreCase);
    }

    /** Whether {@code text} holds a glob wildcard. */
    public static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    public static NamePattern exact(String text) {
        return new NamePattern(Mode.EXACT, text, false);
    }

    /** Validates the pattern (a regex must compile); the message says what is wrong. */
    public NamePattern validate() throws QueryException {
        compiled();
        return this;
    }

    /** The Java regex equivalent to this pattern (for every mode). */
    public Pattern compiled() throws QueryException {
        int flags = Pattern.UNICODE_CHARACTER_CLASS | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        String regex = switch (mode) {
            case EXACT -> "^" + Pattern.quote(text) + "$";
            case SUBSTRING -> Pattern.quote(text);
            case GLOB -> "^" + globToRegex(text) + "$";
            case REGEX -> text;
        };
        if (mode != Mode.REGEX) {
            flags |= Pattern.DOTALL;
        }
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            String desc = e.getDescription();
            throw QueryException.badRequest("bad regex '" + text + "': " + desc
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "")
                    + " (without --regex the value is matched as text or a glob)");
        } catch (StackOverflowError e) {
            throw QueryException.badRequest("regex '" + shorten(text) + "' is too deeply nested");
        }
    }

    /** Whether {@code value} matches; the reference semantics (null never matches). */
    public boolean matches(String value) throws QueryException {
        if (value == null) {
            return false;
        }
        return new Compiled(this).test(value);
    }

    /** True when the text (of an EXACT or GLOB pattern) has a literal prefix: what precedes the first wildcard. */
    String literalPrefix() {
        if (ignoreCase) {
            return "";
        }
        return switch (mode) {
            case EXACT -> text;
            case GLOB -> {
                int i = 0;
                while (i < text.length() && text.charAt(i) != '*' && text.charAt(i) != '?') {
                    i++;
                }
                yield text.substring(0, i);
            }
            default -> "";
        };
    }

    /** Whether SQLite can evaluate this pattern natively (otherwise a Java function does). */
    boolean nativeSql() {
        return !ignoreCase && mode != Mode.REGEX;
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (ch == '*' || ch == '?') {
                if (lit.length() > 0) {
                    sb.append(Pattern.quote(lit.toString()));
                    lit.setLength(0);
                }
                sb.append(ch == '*' ? ".*" : ".");
            } else {
                lit.append(ch);
            }
        }
        if (lit.length() > 0) {
            sb.append(Pattern.quote(lit.toString()));
        }
        return sb.toString();
    }

    /** SQLite GLOB text for a case-sensitive glob: {@code [} is SQLite's class opener, so it is escaped. */
    static String sqliteGlob(String glob) {
        return glob.replace("[", "[[]");
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }

    @Override
    public String toString() {
        return mode.name().toLowerCase(Locale.ROOT) + (ignoreCase ? " (ignoring case)" : "") + " '" + text + "'";
    }

    /**
     * A compiled pattern, reusable but by one thread at a time; regex work is bounded by the
     * current question's {@link Deadline}.
     */
    public static final class Compiled {
        private final Matcher matcher;
        private final NamePattern pattern;

        private Compiled(NamePattern pattern) throws QueryException {
            this.pattern = pattern;
            this.matcher = pattern.compiled().matcher("");
        }

        public static Compiled of(NamePattern pattern) throws QueryException {
            return new Compiled(pattern);
        }

        /** Whether {@code value} matches (null never does). */
        public boolean test(String value) {
            if (value == null) {
                return false;
            }
            if (pattern.nativeSql()) {
                // Plain text comparisons need no regex engine (and cannot run away).
                return switch (pattern.mode) {
                    case EXACT -> value.equals(pattern.text);
                    case SUBSTRING -> value.contains(pattern.text);
                    default -> matcher.reset(value).find();
                };
            }
            matcher.reset(Deadline.guard(value));
            return matcher.find();
        }
    }
}
