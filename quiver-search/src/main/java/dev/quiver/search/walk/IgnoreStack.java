package dev.quiver.search.walk;

/**
 * The ignore files in force in one directory: its own rules, then its parent's. {@code prefix} is
 * how the layer's directory sees paths under the search root: paths are made relative to the
 * layer's directory before its rules are applied.
 */
final class IgnoreStack {
    private final IgnoreRules rules;
    /** Root-relative path of the layer's directory, "" for the root; null for a layer above the root. */
    private final String dirRel;
    /** For a layer above the root: the root's path relative to the layer's directory. */
    private final String abovePrefix;
    private final IgnoreStack parent;
    /** Which file the rules come from: 0 .rgignore, 1 .ignore, 2 .gitignore, 3 .git/info/exclude (the precedence order). */
    private final int kind;

    /** The kind of a layer with no rules that marks a directory holding {@code .git}. */
    static final int GIT_TOP = 4;

    IgnoreStack(IgnoreRules rules, int kind, String dirRel, String abovePrefix, IgnoreStack parent) {
        this.rules = rules;
        this.kind = kind;
        this.dirRel = dirRel;
        this.abovePrefix = abovePrefix;
        this.parent = parent;
    }

    /**
     * The verdict on {@code rel} (root-relative). As in ripgrep, the deepest matching rule of each
     * kind of file decides for that kind, and the kinds take precedence in the order
     * {@code .rgignore}, {@code .ignore}, {@code .gitignore}: a deeper {@code .gitignore} cannot
     * whitelist what an {@code .ignore} above ignores. The {@code .gitignore} files of the
     * directories above the nearest one holding {@code .git} (an enclosing repository's, for a
     * nested repository or submodule) do not apply; {@code .ignore} and {@code .rgignore} files do.
     */
    static IgnoreRules.Verdict verdict(IgnoreStack top, String rel, String name, boolean isDir) {
        IgnoreRules.Verdict[] byKind = {IgnoreRules.Verdict.NONE, IgnoreRules.Verdict.NONE, IgnoreRules.Verdict.NONE,
            IgnoreRules.Verdict.NONE};
        boolean sawGit = false;
        for (IgnoreStack s = top; s != null; s = s.parent) {
            if (s.kind == GIT_TOP) {
                sawGit = true;
                continue;
            }
            if (byKind[s.kind] != IgnoreRules.Verdict.NONE || (sawGit && s.kind >= 2)) {
                continue;
            }
            String local;
            if (s.dirRel == null) {
                local = s.abovePrefix.isEmpty() ? rel : s.abovePrefix + "/" + rel;
            } else if (s.dirRel.isEmpty()) {
                local = rel;
            } else {
                local = rel.substring(s.dirRel.length() + 1);
            }
            byKind[s.kind] = s.rules.match(local, name, isDir);
        }
        for (IgnoreRules.Verdict v : byKind) {
            if (v != IgnoreRules.Verdict.NONE) {
                return v;
            }
        }
        return IgnoreRules.Verdict.NONE;
    }
}
