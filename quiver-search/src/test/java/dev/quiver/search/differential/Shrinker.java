package dev.quiver.search.differential;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a diverging case smaller while it still diverges: drops options, patterns, lines,
 * characters of the text and pieces of the pattern, greedily, until nothing more can go. The
 * result is the repro printed with a failure, short enough to become a regression test.
 */
final class Shrinker {
    private static final int MAX_CHECKS = 4000;
    private final Divergence divergence;
    private int checks;

    Shrinker(Divergence divergence) {
        this.divergence = divergence;
    }

    SearchCase shrink(SearchCase c) throws InterruptedException {
        checks = 0;
        boolean progress = true;
        while (progress && checks < MAX_CHECKS) {
            progress = false;
            for (SearchCase smaller : candidates(c)) {
                if (checks++ >= MAX_CHECKS) {
                    break;
                }
                if (divergence.check(smaller) != null && divergence.lastSkip() == null) {
                    c = smaller;
                    progress = true;
                    break;
                }
            }
        }
        return c;
    }

    /** Smaller variants of {@code c}, the biggest cuts first. */
    private static List<SearchCase> candidates(SearchCase c) {
        List<SearchCase> out = new ArrayList<>();
        for (Option o : c.options()) {
            Set<Option> fewer = EnumSet.noneOf(Option.class);
            fewer.addAll(c.options());
            fewer.remove(o);
            out.add(c.withOptions(fewer));
        }
        if (c.patterns().size() > 1) {
            for (int i = 0; i < c.patterns().size(); i++) {
                List<String> p = new ArrayList<>(c.patterns());
                p.remove(i);
                out.add(c.withPatterns(p));
            }
        }
        byte[] t = c.text();
        for (int[] line : GrepOracle.lines(t)) {
            out.add(c.withText(cut(t, line[0], Math.min(t.length, line[1] + 1))));
        }
        for (int i = 0; i < t.length; ) {
            int n = Math.max(1, GrepOracle.Decoded.wellFormed(t, i, t.length));
            out.add(c.withText(cut(t, i, i + n)));
            i += n;
        }
        for (int k = 0; k < c.patterns().size(); k++) {
            String p = c.patterns().get(k);
            for (int len = Math.max(1, p.length() / 2); len >= 1; len = len > 1 ? Math.max(1, len / 2) : 0) {
                for (int s = 0; s + len <= p.length(); s++) {
                    List<String> ps = new ArrayList<>(c.patterns());
                    ps.set(k, p.substring(0, s) + p.substring(s + len));
                    out.add(c.withPatterns(ps));
                }
            }
        }
        return out;
    }

    private static byte[] cut(byte[] t, int from, int to) {
        byte[] out = new byte[t.length - (to - from)];
        System.arraycopy(t, 0, out, 0, from);
        System.arraycopy(t, to, out, from, t.length - to);
        return out;
    }
}
