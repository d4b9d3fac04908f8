package dev.quiver.search.walk;

import dev.quiver.search.report.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads ignore files: {@code .gitignore} (only inside a git repository, as ripgrep does),
 * {@code .ignore} and {@code .rgignore} (always, taking precedence), for a directory being walked
 * and for the directories above a root.
 */
final class Ignores {
    private Ignores() {
    }

    /** True when {@code dir} or a directory above it holds {@code .git}. */
    static boolean inRepo(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ignore files of the directories above {@code root}, up to the file system's root (as
     * ripgrep reads them); the root's own are read when it is listed. A directory holding
     * {@code .git} cuts off the {@code .gitignore} files above it (see {@link IgnoreStack#verdict}).
     */
    static IgnoreStack aboveRoot(Path root, Reporter reporter) {
        Path abs = root.toAbsolutePath().normalize();
        java.util.List<Path> above = new java.util.ArrayList<>();
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            above.add(p);
        }
        IgnoreStack stack = null;
        boolean repo = false;
        for (int i = above.size() - 1; i >= 0; i--) {
            Path dir = above.get(i);
            boolean hasGit = Files.exists(dir.resolve(".git"));
            repo |= hasGit;
            String prefix = dir.relativize(abs).toString().replace('\\', '/');
            stack = layer(dir, null, prefix, repo, hasGit, stack, reporter);
        }
        return stack;
    }

    /**
     * Adds the ignore files of {@code dir} (root-relative {@code rel}) on top of {@code parent};
     * {@code hasGit}: {@code dir} holds {@code .git}, so the {@code .gitignore} files above it do
     * not apply below it (a nested repository).
     */
    static IgnoreStack forDirectory(Path dir, String rel, boolean repo, boolean hasGit, IgnoreStack parent,
                                    Reporter reporter) {
        return layer(dir, rel, null, repo, hasGit, parent, reporter);
    }

    private static IgnoreStack layer(Path dir, String rel, String abovePrefix, boolean repo, boolean hasGit,
                                     IgnoreStack parent, Reporter reporter) {
        IgnoreStack stack = hasGit && parent != null ? new IgnoreStack(null, IgnoreStack.GIT_TOP, rel, abovePrefix, parent) : parent;
        if (hasGit) {
            // the repository's own exclude file, below .gitignore in precedence (rg; only for a .git
            // directory, not for the .git file of a submodule or worktree)
            Path exclude = dir.resolve(".git").resolve("info").resolve("exclude");
            if (Files.isRegularFile(exclude)) {
                try {
                    IgnoreRules rules = IgnoreRules.read(exclude, badLine(exclude, reporter));
                    if (!rules.isEmpty()) {
                        stack = new IgnoreStack(rules, 3, rel, abovePrefix, stack);
                    }
                } catch (IOException e) {
                    reporter.error(exclude + ": cannot read ignore file: " + Walker.describe(e));
                }
            }
        }
        String[] names = repo ? new String[] {".gitignore", ".ignore", ".rgignore"} : new String[] {".ignore", ".rgignore"};
        for (int k = 0; k < names.length; k++) {
            String name = names[k];
            int kind = name.equals(".rgignore") ? 0 : name.equals(".ignore") ? 1 : 2;
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            try {
                IgnoreRules rules = IgnoreRules.read(f, badLine(f, reporter));
                if (!rules.isEmpty()) {
                    stack = new IgnoreStack(rules, kind, rel, abovePrefix, stack);
                }
            } catch (IOException e) {
                reporter.error(f + ": cannot read ignore file: " + Walker.describe(e));
            }
        }
        return stack;
    }

    /** Reports an invalid line of an ignore file as rg does ({@code path: line N: error parsing glob...}); not an error for the exit status. */
    private static IgnoreRules.BadLine badLine(Path file, Reporter reporter) {
        return (lineNumber, error) -> reporter.note(file + ": line " + lineNumber + ": " + error.getMessage());
    }
}
