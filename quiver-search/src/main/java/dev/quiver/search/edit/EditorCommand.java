package dev.quiver.search.edit;

import dev.quiver.search.edit.EditTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the command that opens matches in the user's editor ({@code $VISUAL}, then
 * {@code $EDITOR}, then {@code vi}), with the syntax each editor understands for "at this line".
 * The result is an argument list for {@link ProcessBuilder}: no shell is involved, so paths with
 * spaces or shell characters are passed as they are.
 */
public final class EditorCommand {
    /** Most files opened at once; more are left out with a message. */
    public static final int MAX_FILES = 50;

    private EditorCommand() {
    }

    /** The editor named by the environment, split into words (quotes respected). */
    public static List<String> editor(Map<String, String> env) {
        String e = env.get("VISUAL");
        if (e == null || e.isBlank()) {
            e = env.get("EDITOR");
        }
        if (e == null || e.isBlank()) {
            e = "vi";
        }
        return split(e);
    }

    /** The full command to open {@code targets} (at most {@link #MAX_FILES}) in {@code editor}. */
    public static List<String> build(List<String> editor, List<EditTarget> targets) {
        List<String> cmd = new ArrayList<>(editor);
        String exe = editor.get(0);
        String name = exe.substring(exe.lastIndexOf('/') + 1);
        List<EditTarget> t = targets.size() > MAX_FILES ? targets.subList(0, MAX_FILES) : targets;
        switch (name) {
            case "code", "code-insiders", "codium", "subl", "sublime_text", "zed" -> {
                if (name.startsWith("code") || name.equals("codium")) {
                    cmd.add("--goto");
                }
                for (EditTarget x : t) {
                    cmd.add(x.path() + ":" + x.line() + ":" + x.column());
                }
            }
            case "emacs", "emacsclient", "nano", "micro", "kak", "helix", "hx" -> {
                for (EditTarget x : t) {
                    if (name.equals("hx") || name.equals("helix")) {
                        cmd.add(x.path() + ":" + x.line());
                    } else {
                        cmd.add("+" + x.line() + (name.startsWith("emacs") ? ":" + x.column() : ""));
                        cmd.add(x.path());
                    }
                }
            }
            default -> {
                // vi, vim, nvim and anything else that takes "+LINE FILE": the first file at its line,
                // the others as further files; vim/nvim get one window per file
                EditTarget first = t.get(0);
                if (name.equals("vim") || name.equals("nvim") || name.equals("gvim")) {
                    cmd.add("-o");
                }
                cmd.add("+" + first.line());
                for (EditTarget x : t) {
                    cmd.add(x.path());
                }
            }
        }
        return cmd;
    }

    /** Splits a command line into words: whitespace separates, single and double quotes group. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }
}
