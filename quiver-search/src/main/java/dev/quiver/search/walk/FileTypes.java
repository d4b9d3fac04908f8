package dev.quiver.search.walk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named file types ({@code -t smali}) and the file-name globs that make them: ripgrep's own list
 * (the resource {@code ripgrep-types.txt}, from {@code rg --type-list}), so {@code -t c} selects
 * the same files as in rg, plus Quiver's types for Android work.
 */
public final class FileTypes {
    /** Types rg does not have. */
    private static final String[][] EXTRA = {
        {"dex", "*.dex"},
        {"properties", "*.properties"},
        {"proto", "*.proto"},
        {"smali", "*.smali"},
    };

    private FileTypes() {
    }

    /** Loaded on first use: most searches name no type. */
    private static final class Table {
        static final Map<String, List<String>> TYPES = load();

        private static Map<String, List<String>> load() {
            Map<String, List<String>> types = new TreeMap<>();
            try (InputStream in = FileTypes.class.getResourceAsStream("ripgrep-types.txt")) {
                if (in == null) {
                    throw new IllegalStateException("ripgrep-types.txt missing from the class path");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    int colon = line.indexOf(": ");
                    if (line.startsWith("#") || colon < 0) {
                        continue;
                    }
                    types.put(line.substring(0, colon), List.of(line.substring(colon + 2).split(", ")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String[] t : EXTRA) {
                types.put(t[0], List.of(t).subList(1, t.length));
            }
            return types;
        }
    }

    /** True when {@code name} is a known type. */
    public static boolean exists(String name) {
        return Table.TYPES.containsKey(name);
    }

    /** Every type, one per line, as {@code name: glob, glob} (for {@code --type-list}). */
    public static List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : Table.TYPES.entrySet()) {
            out.add(e.getKey() + ": " + String.join(", ", e.getValue()));
        }
        return out;
    }

    /** The globs of the named types. */
    static List<Glob> globs(List<String> names) {
        List<Glob> out = new ArrayList<>();
        for (String n : names) {
            List<String> g = Table.TYPES.get(n);
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
