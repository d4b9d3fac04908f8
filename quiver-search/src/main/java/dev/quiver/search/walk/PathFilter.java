package dev.quiver.search.walk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides, for an entry found while walking, whether it is searched (file) or entered (directory):
 * hidden names, ignore files, {@code -g} globs, {@code -t}/{@code -T} types, Black Arrow's
 * {@code --ignore} (on the path) and {@code --name} (on the file name).
 */
final class PathFilter {
    private final WalkOptions opt;
    private final IgnoreRules overrides;
    private final boolean hasWhitelist;
    private final List<Glob> types;
    private final List<Glob> typesNot;
    private final List<Pattern> ignore = new ArrayList<>();
    private final List<Pattern> names = new ArrayList<>();

    /** @throws GlobException for a {@code -g} glob that rg rejects */
    PathFilter(WalkOptions opt) {
        this.opt = opt;
        // -g globs: "!x" excludes, "x" includes; read them as ignore rules with the meaning flipped
        List<String> flipped = new ArrayList<>();
        boolean whitelist = false;
        for (String g : opt.globs()) {
            if (g.startsWith("!")) {
                flipped.add(g.substring(1));
            } else {
                flipped.add("!" + g);
                whitelist = true;
            }
        }
        List<String> written = opt.globs();
        this.overrides = IgnoreRules.parse(flipped, (lineNumber, error) -> {
            throw error.as(written.get(lineNumber - 1)); // the glob as the user typed it
        });
        this.hasWhitelist = whitelist;
        this.types = FileTypes.globs(opt.types());
        this.typesNot = FileTypes.globs(opt.typesNot());
        for (String r : opt.ignoreRegexes()) {
            ignore.add(Pattern.compile(r));
        }
        for (String r : opt.nameRegexes()) {
            names.add(Pattern.compile(r));
        }
    }

    /**
     * True when the entry {@code rel} (root-relative) named {@code name} is skipped. The order is
     * ripgrep's: a {@code -g} glob that matches decides; otherwise ignore files, then types; an
     * entry that one of these whitelisted is searched even when hidden ({@code !.config} in a
     * {@code .gitignore}, {@code -g '.*rc'}, {@code -t sh} for {@code .bashrc}).
     */
    boolean skip(String rel, String name, boolean isDir, IgnoreStack ignores) {
        for (Pattern p : ignore) {
            if (p.matcher(rel).find()) {
                return true;
            }
        }
        IgnoreRules.Verdict ov = overrides.match(rel, name, isDir);
        if (ov == IgnoreRules.Verdict.IGNORE) {
            return true;
        }
        boolean whitelisted = ov == IgnoreRules.Verdict.WHITELIST;
        if (ov == IgnoreRules.Verdict.NONE) {
            if (!isDir && hasWhitelist) {
                return true;
            }
            if (!opt.noIgnore()) {
                IgnoreRules.Verdict v = IgnoreStack.verdict(ignores, rel, name, isDir);
                if (v == IgnoreRules.Verdict.IGNORE) {
                    return true;
                }
                whitelisted = v == IgnoreRules.Verdict.WHITELIST;
            }
            if (!isDir && !types.isEmpty()) {
                if (!anyMatches(types, rel, name)) {
                    return true;
                }
                whitelisted = true;
            }
            if (!isDir && !typesNot.isEmpty() && anyMatches(typesNot, rel, name)) {
                return true;
            }
        }
        if (!whitelisted && !opt.hidden() && name.startsWith(".")) {
            return true;
        }
        return !isDir && !namesMatch(name);
    }

    private boolean namesMatch(String name) {
        if (names.isEmpty()) {
            return true;
        }
        for (Pattern p : names) {
            if (p.matcher(name).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyMatches(List<Glob> globs, String rel, String name) {
        for (Glob g : globs) {
            if (g.matches(rel, name)) {
                return true;
            }
        }
        return false;
    }
}
