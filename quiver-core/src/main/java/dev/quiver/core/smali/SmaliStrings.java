package dev.quiver.core.smali;

/** The escapes of smali string literals, as baksmali writes them and the parser reads them. */
public final class SmaliStrings {
    private SmaliStrings() {
    }

    /** The character a one-letter escape {@code \e} stands for, or -1 when {@code e} is not one ({@code u} is not). */
    static int simpleEscape(char e) {
        return switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case '0' -> '\0';
            case '"', '\'', '\\' -> e;
            default -> -1;
        };
    }

    /** The value of a literal's body (the text between its quotes), or null when an escape is malformed. */
    public static String unescape(String body) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= body.length()) {
                return null;
            }
            char e = body.charAt(i);
            int simple = simpleEscape(e);
            if (simple >= 0) {
                sb.append((char) simple);
            } else if (e == 'u' && i + 5 <= body.length()) {
                int cp = 0;
                for (int k = i + 1; k <= i + 4; k++) {
                    int d = Character.digit(body.charAt(k), 16);
                    if (d < 0) {
                        return null;
                    }
                    cp = cp * 16 + d;
                }
                sb.append((char) cp);
                i += 4;
            } else {
                return null;
            }
        }
        return sb.toString();
    }
}
