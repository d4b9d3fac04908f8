package dev.quiver.search.walk;

import dev.quiver.search.Reporter;
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

    /** The ignore files of the directories above {@code root} (up to the repository's top, if any). */
    static IgnoreStack forRoot(Path root, Reporter reporter) {
        Path abs = root.toAbsolutePath().normalize();
        java.util.List<Path> above = new java.util.ArrayList<>();
        boolean repo = false;
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            above.add(p);
            if (Files.exists(p.resolve(".git"))) {
                repo = true;
                break;
            }
        }
        if (Files.exists(abs.resolve(".git"))) {
            repo = true;
            above.clear();
        }
        IgnoreStack stack = null;
        for (int i = above.size() - 1; i >= 0; i--) {
            Path dir = above.get(i);
            String prefix = dir.relativize(abs).toString().replace('\\', '/');
            stack = layer(dir, null, prefix, repo, stack, reporter);
        }
        return layer(root, "", null, repo || inRepo(root), stack, reporter);
    }

    /** Adds the ignore files of {@code dir} (root-relative {@code rel}) on top of {@code parent}. */
    static IgnoreStack forDirectory(Path dir, String rel, boolean repo, IgnoreStack parent, Reporter reporter) {
        return layer(dir, rel, null, repo, parent, reporter);
    }

    private static IgnoreStack layer(Path dir, String rel, String abovePrefix, boolean repo, IgnoreStack parent,
                                     Reporter reporter) {
        IgnoreStack stack = parent;
        String[] names = repo ? new String[] {".gitignore", ".ignore", ".rgignore"} : new String[] {".ignore", ".rgignore"};
        for (int k = 0; k < names.length; k++) {
            String name = names[k];
            int kind = name.equals(".rgignore") ? 0 : name.equals(".ignore") ? 1 : 2;
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            try {
                IgnoreRules rules = IgnoreRules.read(f);
                if (!rules.isEmpty()) {
                    stack = new IgnoreStack(rules, kind, rel, abovePrefix, stack);
                }
            } catch (IOException e) {
                reporter.error(f + ": cannot read ignore file: " + Walker.describe(e));
            }
        }
        return stack;
    }
}
