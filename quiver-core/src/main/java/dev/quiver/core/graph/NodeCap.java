package dev.quiver.core.graph;

import dev.quiver.core.query.QueryException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The node cap of graphs: a graph larger than the cap is refused, never cut, with a message that
 * says how far the question got and which filter would bring it under the cap.
 */
final class NodeCap {
    /** How many package suggestions a message carries. */
    private static final int SUGGESTIONS = 3;

    private NodeCap() {
    }

    /** {@code n} with thousands separators, the same in every locale. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * The packages holding the most of {@code types}, biggest first, as globs with their counts:
     * {@code 'Landroid/widget/*' (412)}. A glob's count includes its subpackages (that is what
     * the glob matches); a package inside one already named is left out, and so are the packages
     * in {@code useless} and those around them (the roots' packages, the package asked for).
     */
    static List<String> busiestPackages(Collection<String> types, Collection<String> useless) {
        Map<String, Integer> direct = new HashMap<>();
        for (String t : types) {
            String p = packagePrefix(t);
            if (p != null) {
                direct.merge(p, 1, Integer::sum);
            }
        }
        // Each package's count goes to it and to every package around it: a glob's count, in one pass.
        Map<String, Integer> around = new HashMap<>();
        for (Map.Entry<String, Integer> e : direct.entrySet()) {
            String p = e.getKey();
            for (int slash = p.indexOf('/'); slash > 0; slash = p.indexOf('/', slash + 1)) {
                around.merge(p.substring(0, slash + 1), e.getValue(), Integer::sum);
            }
        }
        List<String> order = new ArrayList<>(new TreeSet<>(direct.keySet()));
        order.sort(Comparator.comparing((String p) -> -around.get(p)));
        Set<String> skip = new HashSet<>(useless);
        List<String> out = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        for (String p : order) {
            if (chosen.size() == SUGGESTIONS) {
                break;
            }
            boolean nested = false;
            for (String c : chosen) {
                nested |= p.startsWith(c) || c.startsWith(p);
            }
            for (String u : skip) {
                nested |= u.startsWith(p);
            }
            if (!nested) {
                chosen.add(p);
                out.add("'" + p + "*' (" + count(around.get(p)) + ")");
            }
        }
        return out;
    }

    /** {@code Lcom/a/} for {@code Lcom/a/B;}; null for the default package, arrays and primitives. */
    static String packagePrefix(String type) {
        int slash = type.lastIndexOf('/');
        return type.startsWith("L") && slash > 1 ? type.substring(0, slash + 1) : null;
    }

    /** The error for a graph that went over the cap; {@code advice} says what would help, in order. */
    static QueryException exceeded(String graph, int max, String reached, List<String> advice) {
        StringBuilder sb = new StringBuilder("the ").append(graph).append(" would have more than ").append(count(max))
                .append(" nodes (--max-nodes): ").append(reached).append("; ");
        List<String> all = new ArrayList<>(advice);
        all.add("raise --max-nodes");
        sb.append("narrow it with ");
        for (int i = 0; i < all.size(); i++) {
            sb.append(i == 0 ? "" : i == all.size() - 1 ? ", or " : ", ").append(all.get(i));
        }
        return new QueryException(QueryException.Kind.TOO_LARGE, sb.toString());
    }
}
