package dev.quiver.core.source;

import dev.quiver.core.smali.SmaliStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a line of smali code references, so that a front end can make each reference a
 * link: methods ({@code Lcom/a/B;->foo(I)V}), fields ({@code Lcom/a/B;->n:I}), class types
 * ({@code Lcom/a/B;}, also inside arrays and descriptors) and string literals (with their value
 * unescaped, as the index stores it). Comments ({@code # …} outside a string) hold no references.
 * Offsets are UTF-16 indexes into the line, the unit of Java and JavaScript strings.
 */
public final class CodeRefs {
    /** What a reference points at. */
    public enum Kind { METHOD, FIELD, TYPE, STRING }

    /**
     * One reference: characters {@code [start, end)} of the line name {@code target} (a signature, a
     * class descriptor, or a string's value).
     */
    public record Ref(int start, int end, Kind kind, String target) {
    }

    private static final String CLASS = "L[^;\\s\"]+;";
    private static final String TYPE = "\\[*(?:[ZBSCIJFDV]|" + CLASS + ")";
    private static final String NAME = "[^\\s(:,{}\"]+";
    private static final Pattern MEMBER = Pattern.compile("(" + TYPE + ")->(" + NAME + ")(?:(\\((?:" + TYPE
            + ")*\\)" + TYPE + ")|:(" + TYPE + "))");
    private static final Pattern CLASS_TYPE = Pattern.compile(CLASS);

    private CodeRefs() {
    }

    /** The references of {@code line}, left to right, never overlapping. */
    public static List<Ref> of(String line) {
        List<Ref> out = new ArrayList<>();
        Matcher member = MEMBER.matcher(line);
        Matcher type = CLASS_TYPE.matcher(line);
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '#') {
                break;
            }
            if (c == '"') {
                int end = endOfString(line, i);
                String value = SmaliStrings.unescape(line.substring(i + 1, Math.max(i + 1, end - 1)));
                if (value != null && end > i + 1 && line.charAt(end - 1) == '"') {
                    out.add(new Ref(i, end, Kind.STRING, value));
                }
                i = end;
                continue;
            }
            if ((c == 'L' || c == '[') && (i == 0 || !isNamePart(line.charAt(i - 1)))) {
                member.region(i, n);
                if (member.lookingAt()) {
                    boolean method = member.group(3) != null;
                    out.add(new Ref(i, member.end(), method ? Kind.METHOD : Kind.FIELD, member.group()));
                    i = member.end();
                    continue;
                }
                int at = c == '[' ? skipBrackets(line, i) : i;
                type.region(at, n);
                if (at < n && line.charAt(at) == 'L' && type.lookingAt()) {
                    out.add(new Ref(at, type.end(), Kind.TYPE, type.group()));
                    i = type.end();
                    continue;
                }
            }
            if (c == '(' || c == ')') {
                // inside a descriptor ((Lcom/a/B;I)V on a .method line): types follow directly
                i++;
                if (i < n && line.charAt(i) == 'L') {
                    type.region(i, n);
                    if (type.lookingAt()) {
                        out.add(new Ref(i, type.end(), Kind.TYPE, type.group()));
                        i = type.end();
                    }
                }
                continue;
            }
            i++;
        }
        return out;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '$' || c == '_' || c == '/' || c == '-' || c == '>';
    }

    private static int skipBrackets(String s, int i) {
        while (i < s.length() && s.charAt(i) == '[') {
            i++;
        }
        return i;
    }

    /** The index after the closing quote of the literal starting at {@code start} (or the line's end). */
    private static int endOfString(String s, int start) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i + 1;
            }
            i++;
        }
        return s.length();
    }
}
