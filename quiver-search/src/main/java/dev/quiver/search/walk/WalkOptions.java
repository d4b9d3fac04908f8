package dev.quiver.search.walk;

import java.util.ArrayList;
import java.util.List;

/**
 * Which files are searched. Built through {@link #builder}.
 *
 * @param hidden        include hidden files and directories
 * @param noIgnore      do not read {@code .gitignore}/{@code .ignore}
 * @param globs         ripgrep-style globs; {@code !} excludes
 * @param types         file types to include (names from {@link FileTypes})
 * @param typesNot      file types to exclude
 * @param ignoreRegexes Black Arrow's {@code --ignore}: a path (relative to its root) matching any is skipped
 * @param nameRegexes   Black Arrow's {@code --name}: only files whose name matches one are searched
 * @param maxDepth      how deep below each root; -1 for no limit
 * @param follow        follow symbolic links
 */
public record WalkOptions(boolean hidden, boolean noIgnore, List<String> globs, List<String> types,
                          List<String> typesNot, List<String> ignoreRegexes, List<String> nameRegexes,
                          int maxDepth, boolean follow) {
    public WalkOptions {
        globs = List.copyOf(globs);
        types = List.copyOf(types);
        typesNot = List.copyOf(typesNot);
        ignoreRegexes = List.copyOf(ignoreRegexes);
        nameRegexes = List.copyOf(nameRegexes);
    }

    /** The walk of {@code quiver search} without flags: no hidden files, ignore files read, any depth. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link WalkOptions}; the list setters add to what is there. */
    public static final class Builder {
        private boolean hidden;
        private boolean noIgnore;
        private final List<String> globs = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<String> typesNot = new ArrayList<>();
        private final List<String> ignoreRegexes = new ArrayList<>();
        private final List<String> nameRegexes = new ArrayList<>();
        private int maxDepth = -1;
        private boolean follow;

        private Builder() {
        }

        public Builder hidden(boolean h) {
            this.hidden = h;
            return this;
        }

        public Builder noIgnore(boolean n) {
            this.noIgnore = n;
            return this;
        }

        public Builder globs(List<String> g) {
            globs.addAll(g);
            return this;
        }

        public Builder types(List<String> t) {
            types.addAll(t);
            return this;
        }

        public Builder typesNot(List<String> t) {
            typesNot.addAll(t);
            return this;
        }

        public Builder ignoreRegexes(List<String> r) {
            ignoreRegexes.addAll(r);
            return this;
        }

        public Builder nameRegexes(List<String> r) {
            nameRegexes.addAll(r);
            return this;
        }

        /** Levels below each root; -1 for no limit. */
        public Builder maxDepth(int d) {
            this.maxDepth = d;
            return this;
        }

        public Builder follow(boolean f) {
            this.follow = f;
            return this;
        }

        public WalkOptions build() {
            return new WalkOptions(hidden, noIgnore, globs, types, typesNot, ignoreRegexes, nameRegexes, maxDepth, follow);
        }
    }
}
