package dev.quiver.search.match;

import java.util.ArrayList;
import java.util.List;

/**
 * A replacement template as ripgrep reads it: {@code $1}, {@code ${1}}, {@code $name},
 * {@code ${name}}; {@code $$} is a dollar sign. A group that did not take part (or does not exist)
 * is replaced by nothing.
 */
public final class Replacement {
    private final List<Object> parts; // String literal, Integer group number, or Name
    private final String template;

    private record Name(String name) {
    }

    private Replacement(String template, List<Object> parts) {
        this.template = template;
        this.parts = parts;
    }

    public static Replacement parse(String template) {
        List<Object> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= n) {
                lit.append(c);
                i++;
                continue;
            }
            char d = template.charAt(i + 1);
            String ref;
            int next;
            if (d == '$') {
                lit.append('$');
                i += 2;
                continue;
            } else if (d == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    lit.append(c);
                    i++;
                    continue;
                }
                ref = template.substring(i + 2, close);
                next = close + 1;
            } else {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '_')) {
                    j++;
                }
                if (j == i + 1) {
                    lit.append(c);
                    i++;
                    continue;
                }
                ref = template.substring(i + 1, j);
                next = j;
            }
            if (lit.length() > 0) {
                parts.add(lit.toString());
                lit.setLength(0);
            }
            parts.add(ref.chars().allMatch(Character::isDigit) ? (Object) Integer.valueOf(ref) : new Name(ref));
            i = next;
        }
        if (lit.length() > 0) {
            parts.add(lit.toString());
        }
        return new Replacement(template, List.copyOf(parts));
    }

    /** The replacement text for the current match of {@code m}. */
    public String expand(java.util.regex.Matcher m) {
        StringBuilder sb = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String s) {
                sb.append(s);
            } else if (part instanceof Integer g) {
                if (g <= m.groupCount() && m.group(g) != null) {
                    sb.append(m.group(g));
                }
            } else {
                String name = ((Name) part).name;
                try {
                    String v = m.group(name);
                    if (v != null) {
                        sb.append(v);
                    }
                } catch (IllegalArgumentException noSuchGroup) {
                    // ripgrep semantics: an unknown group expands to nothing
                    continue;
                }
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
