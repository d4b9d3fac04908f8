package dev.quiver.search.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.PatternSyntaxException;

/**
 * Compares the engine with the oracle on one case: {@link #check} returns null when they agree
 * (or the case cannot be judged: an invalid pattern both reject, a regex too slow to run), else a
 * description of the difference.
 */
final class Divergence {
    /** The regex budget per case: generous, since a case is a few short lines. */
    static final long BUDGET_NANOS = 2_000_000_000L;

    /** Why a case was not judged. */
    enum Skip {
        INVALID_PATTERN, TOO_SLOW,
        /** java.util.regex itself fails while matching (a class such as {@code [a&&]} compiles, then throws). */
        REGEX_FAILS
    }

    private final Engine engine;
    private Skip lastSkip;
    private boolean lastMatched;

    Divergence(Engine engine) {
        this.engine = engine;
    }

    /** Why the last {@link #check} judged nothing, or null if it did judge. */
    Skip lastSkip() {
        return lastSkip;
    }

    /** True when the oracle found a matching line in the last case {@link #check} judged. */
    boolean lastMatched() {
        return lastMatched;
    }

    /** Null when the engine prints what the oracle prints, else what differs. */
    String check(SearchCase c) throws InterruptedException {
        lastSkip = null;
        lastMatched = false;
        boolean mayMatchNewline = false;
        try {
            mayMatchNewline = c.has(Option.MULTILINE) && Engine.mayMatchNewline(c);
        } catch (PatternSyntaxException e) {
            // judged below, where the oracle compiles the pattern too
        } catch (RuntimeException e) {
            return "the engine failed to compile the pattern: " + stack(e);
        }
        GrepOracle.Result want;
        try {
            want = GrepOracle.run(c, mayMatchNewline, BUDGET_NANOS);
        } catch (PatternSyntaxException e) {
            lastSkip = Skip.INVALID_PATTERN;
            return rejects(c) ? null : "the oracle rejects the pattern (" + e.getDescription() + ") but the engine accepts it";
        } catch (GrepOracle.TooSlow e) {
            lastSkip = Skip.TOO_SLOW;
            return null;
        } catch (RuntimeException e) {
            lastSkip = Skip.REGEX_FAILS;
            return null;
        }
        lastMatched = want.matched();
        Engine.Result got;
        try {
            got = engine.run(c);
        } catch (PatternSyntaxException e) {
            if (regexFails(c)) {
                lastSkip = Skip.REGEX_FAILS; // the engine says so up front; the oracle may not have met it
                return null;
            }
            return "the engine rejects a pattern the oracle accepts: " + e.getDescription();
        } catch (IOException | RuntimeException e) {
            return "the engine failed: " + stack(e);
        }
        StringBuilder diff = new StringBuilder();
        if (!got.errors().isEmpty()) {
            diff.append("engine reported ").append(got.errors()).append('\n');
        }
        if (!Arrays.equals(got.output(), want.output())) {
            diff.append("expected (oracle):\n").append(indent(want.output()))
                    .append("printed (quiver):\n").append(indent(got.output()));
        } else if (got.matched() != want.matched()) {
            diff.append("same output, but matched=").append(got.matched()).append(" (oracle: ").append(want.matched()).append(")\n");
        }
        if (c.has(Option.MULTILINE) && want.newlineInMatch() && !mayMatchNewline) {
            diff.append("a match holds a newline, but the engine says the pattern cannot match one\n");
        }
        return diff.length() == 0 ? null : diff.toString();
    }

    /**
     * True when a bracketed piece of a pattern compiles on its own but makes java.util.regex throw
     * when a character is tried on it ({@code [a-c|&&]}: a JDK bug), found by trying every piece
     * that starts with {@code [}.
     */
    private static boolean regexFails(SearchCase c) {
        for (String p : c.patterns()) {
            for (int i = p.indexOf('['); i >= 0; i = p.indexOf('[', i + 1)) {
                for (int j = i + 2; j <= p.length(); j++) {
                    try {
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile(p.substring(i, j), GrepOracle.flags(c)).matcher("");
                        for (char ch = 0; ch < 0x80; ch++) {
                            m.reset(String.valueOf(ch)).find();
                        }
                    } catch (PatternSyntaxException e) {
                        // not a whole class
                    } catch (RuntimeException e) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean rejects(SearchCase c) throws InterruptedException {
        try {
            engine.run(c);
            return false;
        } catch (PatternSyntaxException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String stack(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        String s = w.toString();
        return s.length() > 1500 ? s.substring(0, 1500) + "..." : s;
    }

    private static String indent(byte[] out) {
        if (out.length == 0) {
            return "    (nothing)\n";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : new String(out, StandardCharsets.ISO_8859_1).split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append("    ").append(SearchCase.showBytes(line.getBytes(StandardCharsets.ISO_8859_1))).append('\n');
            }
        }
        return sb.toString();
    }
}
