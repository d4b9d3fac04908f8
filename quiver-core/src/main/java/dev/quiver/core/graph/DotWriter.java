package dev.quiver.core.graph;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link Graph} as Graphviz DOT, for people: short labels ({@link Labels}) with the full
 * signature as tooltip, one cluster per package, roots and external (framework) nodes styled apart,
 * call edges labelled with the invoke kind where it tells something (interface, super, dispatch)
 * and with the number of call sites when there are several.
 *
 * <p>Every name comes from an attacker-made app, so no app text is ever written outside a quoted
 * string: node and cluster ids are generated ({@code n12}, {@code cluster_3}), and each string is
 * escaped by {@link #escape}. Output is deterministic: the same graph gives the same bytes.
 */
public final class DotWriter {
    private static final String FONT = "Helvetica,Arial,sans-serif";

    private DotWriter() {
    }

    /** {@code g} as a DOT text. */
    public static String writeToString(Graph g) {
        return GraphText.of(g, DotWriter::write);
    }

    /** Writes {@code g} to {@code out} (lines end with {@code \n} on every platform). */
    public static void write(Graph g, Writer out) throws IOException {
        boolean calls = g.kind() == Graph.Kind.CALLS;
        Map<String, String> labels = Labels.of(g);
        Map<String, String> ids = new HashMap<>();
        Map<String, List<Graph.Node>> clusters = new TreeMap<>();
        for (Graph.Node n : g.nodes()) {
            ids.put(n.id(), "n" + ids.size());
            clusters.computeIfAbsent(Labels.packageName(n.type()), k -> new ArrayList<>()).add(n);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("digraph quiver {\n");
        sb.append("  graph [rankdir=").append(calls ? "LR" : "BT").append(", newrank=true, nodesep=0.25, ranksep=")
                .append(calls ? "0.7" : "0.5").append(", fontname=\"").append(FONT).append("\", fontsize=12, "
                        + "labelloc=t, labeljust=l, label=\"").append(escape("Quiver: " + g.title())).append("\\l")
                .append(calls ? "yellow: root · grey, dashed: not defined in the index (framework) · dashed arrow: "
                        + "virtual dispatch · ×N: N call sites"
                        : "solid arrow: extends · dashed arrow: implements · grey, dashed: not defined in the index "
                        + "(framework) · yellow: root")
                .append("\\l\"];\n");
        sb.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#5b7fa6\", "
                + "fontname=\"").append(FONT).append("\", fontsize=10, height=0.3, margin=\"0.12,0.05\"];\n");
        sb.append("  edge [color=\"#5f6f80\", arrowsize=0.7, fontname=\"").append(FONT)
                .append("\", fontsize=8, fontcolor=\"#5f6f80\"").append(calls ? "" : ", arrowhead=empty")
                .append("];\n");
        int c = 0;
        for (Map.Entry<String, List<Graph.Node>> cluster : clusters.entrySet()) {
            boolean external = true;
            for (Graph.Node n : cluster.getValue()) {
                external &= n.is(Graph.Flag.EXTERNAL);
            }
            String name = cluster.getKey().isEmpty() ? "(default package)" : cluster.getKey();
            sb.append("\n  subgraph cluster_").append(c++).append(" {\n");
            // bottom-to-top drawings flip cluster labels too: "b" puts them on top, as in call graphs
            sb.append("    graph [label=\"").append(escape(name)).append(calls ? "\", " : "\", labelloc=b, ")
                    .append("fontsize=11, fontcolor=\"")
                    .append(external ? "#707070" : "#2f4d6e").append("\", style=\"")
                    .append(external ? "rounded,dashed,filled" : "rounded,filled").append("\", color=\"")
                    .append(external ? "#c8c8c8" : "#b9cbe0").append("\", fillcolor=\"")
                    .append(external ? "#fafafa" : "#f3f7fc").append("\"];\n");
            for (Graph.Node n : cluster.getValue()) {
                sb.append("    ").append(ids.get(n.id())).append(" [label=\"");
                if (n.is(Graph.Flag.INTERFACE)) {
                    sb.append("«interface»\\n");
                }
                sb.append(escape(labels.get(n.id())));
                members(sb, n.members());
                sb.append("\", tooltip=\"").append(escape(n.id(), true)).append('"');
                sb.append(nodeStyle(n)).append("];\n");
            }
            sb.append("  }\n");
        }
        if (!g.edges().isEmpty()) {
            sb.append('\n');
        }
        for (Graph.Edge e : g.edges()) {
            sb.append("  ").append(ids.get(e.from())).append(" -> ").append(ids.get(e.to())).append(" [");
            if (calls) {
                String label = edgeLabel(e);
                if (!label.isEmpty()) {
                    sb.append("label=\"").append(label).append("\", ");
                }
                sb.append("tooltip=\"").append(escape(labels.get(e.from()) + " → " + labels.get(e.to()) + ": "
                        + String.join(", ", e.kinds()) + ", " + e.sites() + (e.sites() == 1 ? " call site" : " call sites")
                        + (e.dispatch() ? ", through virtual dispatch" : ""), true)).append('"');
                if (e.dispatch()) {
                    sb.append(", style=dashed, color=\"#8a63b8\", fontcolor=\"#8a63b8\"");
                }
            } else {
                boolean implementsEdge = e.kinds().contains("implements");
                sb.append("tooltip=\"").append(escape(labels.get(e.from()) + " " + String.join(", ", e.kinds()) + " "
                        + labels.get(e.to()), true)).append('"');
                if (implementsEdge) {
                    sb.append(", style=dashed");
                }
            }
            sb.append("];\n");
        }
        sb.append("}\n");
        out.write(sb.toString());
    }

    /** Members shown in a class box; more are counted on a last line (JSON lists them all). */
    static final int MAX_MEMBERS = 40;

    /**
     * A class box's members, one left-aligned line each under the centred class name: our own
     * {@code \n} and {@code \l} are the only raw backslashes, {@link #escape} writes none.
     */
    private static void members(StringBuilder sb, List<String> members) {
        if (members.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(members.size(), MAX_MEMBERS); i++) {
            shown.add(Labels.member(members.get(i), false));
        }
        sb.append("\\n");
        for (int i = 0; i < shown.size(); i++) {
            // overloads that look alike (send(Msg) twice) are told apart by their packages
            boolean alike = shown.indexOf(shown.get(i)) != shown.lastIndexOf(shown.get(i));
            sb.append(escape(alike ? Labels.member(members.get(i), true) : shown.get(i))).append("\\l");
        }
        if (members.size() > MAX_MEMBERS) {
            sb.append("… ").append(members.size() - MAX_MEMBERS).append(" more (JSON lists every member)\\l");
        }
    }

    private static String nodeStyle(Graph.Node n) {
        boolean root = n.is(Graph.Flag.ROOT);
        boolean external = n.is(Graph.Flag.EXTERNAL);
        StringBuilder sb = new StringBuilder();
        if (external) {
            sb.append(", style=\"rounded,dashed,filled\", color=\"#9a9a9a\", fontcolor=\"#505050\"");
            if (!root) {
                sb.append(", fillcolor=\"#f0f0f0\"");
            }
        }
        if (root) {
            sb.append(", fillcolor=\"#ffe08a\", penwidth=2");
            if (!external) {
                sb.append(", color=\"#b07d00\"");
            }
        }
        return sb.toString();
    }

    /**
     * What an edge's label says: the invoke kinds a reader would not assume (a plain arrow is a
     * {@code static}, {@code direct} or {@code virtual} call), dispatch, and the site count when
     * above one. Built from fixed words only: no escaping needed.
     */
    static String edgeLabel(Graph.Edge e) {
        List<String> parts = new ArrayList<>();
        for (String k : e.kinds()) {
            int slash = k.indexOf('/');
            String base = slash < 0 ? k : k.substring(0, slash);
            boolean plain = base.equals("static") || base.equals("direct") || base.equals("virtual");
            if (!plain && !parts.contains(base) && base.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
                parts.add(base);
            }
        }
        if (e.dispatch()) {
            parts.add("dispatch");
        }
        if (e.sites() > 1) {
            parts.add("×" + e.sites());
        }
        return String.join(" ", parts);
    }

    /**
     * {@code s} made safe and visible inside a DOT quoted string that Graphviz draws as a label.
     * See {@link #escape(String, boolean)}.
     */
    public static String escape(String s) {
        return escape(s, false);
    }

    /**
     * {@code s} made safe and visible inside a DOT quoted string, for a label or (with
     * {@code tooltip}) a tooltip. Two steps:
     * <ol>
     *   <li>What the drawing must show: the text itself, with control characters, line and
     *       paragraph separators, bidi and other invisible format characters and unpaired surrogates
     *       as visible escapes ({@code \n}, {@code \x1b}, {@code \}{@code u202e}) and a backslash as two,
     *       as a terminal shows them ({@code Cells.display}), so that an escape is never confused
     *       with a name that spells one.</li>
     *   <li>How DOT must say it. Graphviz's lexer ends a string at a quote and reads {@code \"}
     *       whatever precedes it (a name ending in a backslash would eat the closing quote); it then
     *       turns HTML entities into characters, and only then reads backslash escapes ({@code \n},
     *       {@code \N}, {@code \\}) — once in labels, twice in tooltips (Graphviz 2.43). So no
     *       quote, backslash or control character of {@code s} is written as itself: a quote is
     *       {@code &quot;}, an ampersand {@code &amp;}, and each backslash to be shown is
     *       {@code &#92;&#92;} in a label and four of them in a tooltip.</li>
     * </ol>
     * {@code <} and {@code >} need nothing: labels are never HTML-like ({@code label=<…>}), and
     * Graphviz escapes them in SVG.
     */
    public static String escape(String s, boolean tooltip) {
        String backslash = tooltip ? "&#92;&#92;&#92;&#92;" : "&#92;&#92;";
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == '"') {
                sb.append("&quot;");
            } else if (c == '&') {
                sb.append("&amp;");
            } else if (c == '\\') {
                sb.append(backslash).append(backslash);
            } else if (invisible(c)) {
                sb.append(backslash).append(switch (c) {
                    case '\n' -> "n";
                    case '\r' -> "r";
                    case '\t' -> "t";
                    default -> c < 0x100 ? "x" + hex(c, 2) : "u" + hex(c, 4);
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Characters that must not reach a drawing or a file as they are: they hide, reorder or break text. */
    static boolean invisible(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xad || c == 0x061c
                || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069)
                || c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb) || Character.isSurrogate(c);
    }

    private static String hex(int c, int width) {
        String h = Integer.toHexString(c);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }
}
