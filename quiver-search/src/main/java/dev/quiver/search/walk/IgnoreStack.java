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

    IgnoreStack(IgnoreRules rules, String dirRel, String abovePrefix, IgnoreStack parent) {
        this.rules = rules;
        this.dirRel = dirRel;
        this.abovePrefix = abovePrefix;
        this.parent = parent;
    }

    /** True when {@code rel} (root-relative) is ignored by the deepest layer that has an opinion. */
    static boolean ignored(IgnoreStack top, String rel, String name, boolean isDir) {
        for (IgnoreStack s = top; s != null; s = s.parent) {
            String local;
            if (s.dirRel == null) {
                local = s.abovePrefix.isEmpty() ? rel : s.abovePrefix + "/" + rel;
            } else if (s.dirRel.isEmpty()) {
                local = rel;
            } else {
                local = rel.substring(s.dirRel.length() + 1);
            }
            IgnoreRules.Verdict v = s.rules.match(local, name, isDir);
            if (v != IgnoreRules.Verdict.NONE) {
                return v == IgnoreRules.Verdict.IGNORE;
            }
        }
        return false;
    }
}
