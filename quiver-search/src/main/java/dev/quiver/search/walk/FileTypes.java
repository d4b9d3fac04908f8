package dev.quiver.search.walk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named file types ({@code -t smali}) and the file-name globs that make them. */
public final class FileTypes {
    private static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

    static {
        add("c", "*.c", "*.h");
        add("cpp", "*.cpp", "*.cc", "*.cxx", "*.hpp", "*.hh", "*.hxx", "*.h");
        add("css", "*.css", "*.scss", "*.less");
        add("dex", "*.dex");
        add("go", "*.go");
        add("gradle", "*.gradle", "*.gradle.kts");
        add("html", "*.html", "*.htm", "*.xhtml");
        add("java", "*.java", "*.jsp");
        add("js", "*.js", "*.mjs", "*.cjs", "*.jsx");
        add("json", "*.json");
        add("kotlin", "*.kt", "*.kts");
        add("md", "*.md", "*.markdown");
        add("properties", "*.properties");
        add("proto", "*.proto");
        add("py", "*.py", "*.pyi");
        add("rust", "*.rs");
        add("sh", "*.sh", "*.bash", "*.zsh");
        add("smali", "*.smali");
        add("sql", "*.sql");
        add("ts", "*.ts", "*.tsx");
        add("txt", "*.txt");
        add("xml", "*.xml", "*.xsd", "*.xsl", "*.xslt", "*.svg", "*.plist");
        add("yaml", "*.yaml", "*.yml");
    }

    private FileTypes() {
    }

    private static void add(String name, String... globs) {
        TYPES.put(name, List.of(globs));
    }

    /** True when {@code name} is a known type. */
    public static boolean exists(String name) {
        return TYPES.containsKey(name);
    }

    /** Every type, one per line, as {@code name: glob, glob} (for {@code --type-list}). */
    public static List<String> describe() {
        List<String> out = new ArrayList<>();
        TYPES.forEach((k, v) -> out.add(k + ": " + String.join(", ", v)));
        return out;
    }

    /** The globs of the named types. */
    static List<Glob> globs(List<String> names) {
        List<Glob> out = new ArrayList<>();
        for (String n : names) {
            List<String> g = TYPES.get(n);
            if (g == null) {
                throw new IllegalArgumentException("unknown file type: " + n + " (see --type-list)");
            }
            for (String s : g) {
                out.add(Glob.compile(s, false));
            }
        }
        return out;
    }
}
