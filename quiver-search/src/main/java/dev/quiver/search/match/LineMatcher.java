package dev.quiver.search.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The compiled search: two {@link Pattern}s (ASCII classes for pure-ASCII text, which is fast, and
 * Unicode classes for lines with other bytes) plus a {@link Prefilter}. What the fast paths may
 * assume comes from {@link PatternAnalysis}. Immutable and shared by all workers; each worker gets
 * its own {@link LineMatcherState}.
 */
public final class LineMatcher {
    private final Pattern ascii;
    private final Pattern unicode;
    private final Pattern asciiLine;
    private final Pattern unicodeLine;
    private final Prefilter prefilter;
    private final boolean caseInsensitive;
    private final boolean multiline;
    private final boolean prefilterIsExact;
    private final boolean mayMatchNewline;
    private final boolean bufferSearch;

    private LineMatcher(Pattern ascii, Pattern unicode, Pattern asciiLine, Pattern unicodeLine, Prefilter prefilter,
                        boolean caseInsensitive, boolean multiline, boolean prefilterIsExact, boolean mayMatchNewline,
                        boolean bufferSearch) {
        this.ascii = ascii;
        this.unicode = unicode;
        this.asciiLine = asciiLine;
        this.unicodeLine = unicodeLine;
        this.prefilter = prefilter;
        this.caseInsensitive = caseInsensitive;
        this.multiline = multiline;
        this.prefilterIsExact = prefilterIsExact;
        this.mayMatchNewline = multiline && mayMatchNewline;
        this.bufferSearch = bufferSearch;
    }

    /**
     * Compiles the options.
     *
     * @throws java.util.regex.PatternSyntaxException when a pattern is not a valid regex
     */
    public static LineMatcher compile(MatchOptions options) {
        List<String> regexes = new ArrayList<>();
        boolean ci = switch (options.caseMode()) {
            case SENSITIVE -> false;
            case INSENSITIVE -> true;
            case SMART -> !anyUppercase(options);
        };
        int lineFlags = Pattern.UNIX_LINES | (ci ? Pattern.CASE_INSENSITIVE : 0);
        int unicodeFlags = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
        List<PatternAnalysis> analyses = new ArrayList<>();
        boolean asciiAgrees = true;
        boolean mayMatchNewline = false;
        boolean bufferSearch = true;
        for (String p : options.patterns()) {
            String regex = options.fixedStrings() ? Pattern.quote(p) : p;
            // each pattern must be valid on its own: '(a' and 'b)' are not, though "(?:(a)|(?:b))" is
            Pattern.compile(regex, lineFlags);
            PatternAnalysis a = PatternAnalysis.of(regex, ci);
            if (a.unmatchableClass() >= 0) {
                // better one clear error now than the same exception on every file searched
                throw new PatternSyntaxException("java.util.regex accepts this class but fails when it matches it",
                        regex, a.unmatchableClass());
            }
            analyses.add(a);
            asciiAgrees &= a.asciiAgreesWithUnicode();
            mayMatchNewline |= a.mayMatchNewline();
            bufferSearch &= a.bufferSearchFindsLineMatches();
            // close a trailing \Q quote or (?x) comment, which would swallow what is added after it
            regexes.add(regex + a.openEnd());
        }
        String core = regexes.size() == 1 ? regexes.get(0) : "(?:" + String.join(")|(?:", regexes) + ")";
        if (options.word()) {
            core = "(?<![\\w])(?:" + core + ")(?![\\w])";
        }
        if (options.lineRegexp()) {
            core = "^(?:" + core + ")$";
        }
        Pattern unicode = Pattern.compile(core, lineFlags | Pattern.MULTILINE | unicodeFlags);
        // where the ASCII pattern could answer otherwise than the Unicode one (\p{Punct}, ſ with
        // -i), pure-ASCII text is matched with the Unicode flags too: slower, same answers
        int asciiFlags = asciiAgrees ? 0 : unicodeFlags;
        Pattern ascii = Pattern.compile(core, lineFlags | Pattern.MULTILINE | asciiFlags);
        // one line at a time, ^ and $ are the region's bounds: without MULTILINE, because in that
        // mode java.util.regex never matches ^ at the end of the input, so ^$ would miss empty lines
        Pattern asciiLine = Pattern.compile(core, lineFlags | asciiFlags);
        Pattern unicodeLine = Pattern.compile(core, lineFlags | unicodeFlags);
        Prefilter prefilter = buildPrefilter(options, analyses, ci);
        // -F without -w/-x: the prefilter looks for exactly the strings, so a line holding one of
        // them matches (an ASCII case-folded hit is also a hit of the Unicode case-insensitive
        // pattern, and ASCII bytes decode to themselves): the regex need not confirm it
        boolean exact = prefilter != null && options.fixedStrings() && !options.word() && !options.lineRegexp()
                && noNewline(options.patterns()) && wholeLiterals(options.patterns(), ci);
        return new LineMatcher(ascii, unicode, asciiLine, unicodeLine, prefilter, ci, options.multiline(), exact,
                mayMatchNewline, bufferSearch);
    }

    /**
     * True when a hit of each fixed string's prefilter is a match: no character of it had to be
     * left out, and with -i it needs no look-out for non-ASCII case partners (a hit there is not one).
     */
    private static boolean wholeLiterals(List<String> fixed, boolean ci) {
        for (String p : fixed) {
            if (!PatternAnalysis.longestUsableRun(p, ci).equals(p) || (ci && !PatternAnalysis.caseFoldPartners(p).isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private static Prefilter buildPrefilter(MatchOptions options, List<PatternAnalysis> analyses, boolean ci) {
        List<Prefilter> parts = new ArrayList<>();
        int shortest = Integer.MAX_VALUE;
        PatternAnalysis.ClassRun run = null;
        for (int i = 0; i < analyses.size(); i++) {
            String raw = options.patterns().get(i);
            List<String> literals;
            if (options.fixedStrings()) {
                String usable = PatternAnalysis.longestUsableRun(raw, ci);
                literals = usable.isEmpty() ? List.of() : List.of(usable);
            } else {
                PatternAnalysis a = analyses.get(i);
                literals = a.requiredLiterals();
                if (analyses.size() == 1) {
                    run = a.longestClassRun(options.multiline());
                }
            }
            if (literals.isEmpty()) {
                parts = null;
                break;
            }
            for (String lit : literals) {
                parts.add(literalPrefilter(lit, ci));
                shortest = Math.min(shortest, lit.length());
            }
        }
        if (parts != null) {
            boolean weakLiteral = shortest < 2;
            if (!(weakLiteral && run != null && run.length() >= 3)) {
                return parts.size() == 1 ? parts.get(0) : new AnyPrefilter(parts);
            }
        }
        if (run != null && run.length() >= 2) {
            return new ClassRunPrefilter(run.bytes(), run.length());
        }
        return null;
    }

    private static Prefilter literalPrefilter(String literal, boolean ci) {
        String latin1 = latin1(literal);
        boolean hasLetter = false;
        for (int i = 0; i < latin1.length(); i++) {
            hasLetter |= Character.isLetter(latin1.charAt(i));
        }
        if (!ci || !hasLetter) {
            return new LiteralPrefilter(latin1);
        }
        Prefilter folded = new FoldedLiteralPrefilter(latin1);
        String partners = PatternAnalysis.caseFoldPartners(literal);
        if (partners.isEmpty()) {
            return folded;
        }
        // a match may hold a non-ASCII case partner (the Kelvin sign for k): its line holds that
        // character, which is rare in code, so looking for it too costs next to nothing
        List<Prefilter> any = new ArrayList<>();
        any.add(folded);
        for (int i = 0; i < partners.length(); i++) {
            any.add(new LiteralPrefilter(latin1(partners.substring(i, i + 1))));
        }
        return new AnyPrefilter(any);
    }

    /** A literal held as one char per UTF-8 byte, as the byte prefilters take it. */
    private static String latin1(String literal) {
        return new String(literal.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    // Loops, not streams, in this file: a lambda that the class-data archive lacks (the archive
    // holds those its training run met) costs ~15 ms of start-up to spin up (measured with
    // -Xlog:class+load on a 10-file search).
    private static boolean anyUppercase(MatchOptions options) {
        for (String p : options.patterns()) {
            if (options.fixedStrings()) {
                for (int i = 0; i < p.length(); i++) {
                    if (Character.isUpperCase(p.charAt(i))) {
                        return true;
                    }
                }
            } else if (PatternAnalysis.hasUppercaseLiteral(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean noNewline(List<String> patterns) {
        for (String p : patterns) {
            if (p.indexOf('\n') >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The pattern used to find candidates in pure-ASCII text and in multiline mode (exposed for diagnostics and tests). */
    public Pattern asciiPattern() {
        return ascii;
    }

    /** The pattern used on decoded Unicode text in multiline mode. */
    public Pattern unicodePattern() {
        return unicode;
    }

    /** The pattern matched against one pure-ASCII line (the region is the line, without its newline). */
    Pattern asciiLinePattern() {
        return asciiLine;
    }

    /** The pattern matched against one decoded line. */
    Pattern unicodeLinePattern() {
        return unicodeLine;
    }

    /** The prefilter in front of the regex, or null when none applies. */
    public Prefilter prefilter() {
        return prefilter;
    }

    public boolean caseInsensitive() {
        return caseInsensitive;
    }

    public boolean multiline() {
        return multiline;
    }

    /**
     * True when a match may hold a newline, judged from the pattern's text (rg searches a
     * multiline pattern that cannot line by line). Errs on the side of true.
     */
    public boolean mayMatchNewline() {
        return mayMatchNewline;
    }

    /**
     * True when a search of a whole pure-ASCII buffer finds a candidate on every line that has a
     * match (see {@link PatternAnalysis#bufferSearchFindsLineMatches}); else each line is tried.
     */
    public boolean bufferSearch() {
        return bufferSearch;
    }

    /** True when a prefilter candidate is always a match (fixed strings without -w/-x). */
    public boolean prefilterIsExact() {
        return prefilterIsExact;
    }

    /** Fresh per-thread state. */
    public LineMatcherState newState() {
        return new LineMatcherState(this);
    }
}
