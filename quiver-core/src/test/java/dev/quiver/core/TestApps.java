package dev.quiver.core;

import dev.quiver.core.pipeline.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixture apps written as smali, shared by every module's tests through quiver-core's test-jar:
 * {@code src/test/resources/apps/<name>/} with an {@code index.txt} listing its files (resources
 * inside a jar cannot be listed). {@link #tree} copies one to a directory, {@link #database}
 * parses it into a database.
 */
public final class TestApps {
    /** Overloads, recursion and cycles, a depth chain, interfaces and abstract classes, framework targets, odd names. */
    public static final String ANALYSIS = "analysis";
    /**
     * An apktool-like tree with an AndroidManifest.xml: an Application subclass, an activity inheriting onCreate
     * and registering a click listener that sends an SMS, an alias, an exported receiver and a non-exported
     * service that send one directly.
     */
    public static final String MANIFEST = "manifest";
    /**
     * Names and strings an attacker would choose: {@code <script>} and {@code "'><img onerror=…>} in
     * class, method and source names, HTML and {@code javascript:} strings, a right-to-left override
     * (U+202E) in a class and a method name, a line break in a string. Every script in it would set
     * {@code window.__pwned} or the document title; one line is a deliberate parse problem.
     */
    public static final String HOSTILE = "hostile";

    /**
     * For graphs: several packages, overloads that look alike (by parameter simple names, or only by
     * return type), calls through an interface, framework supertypes, and a class whose names hold
     * quotes, backslashes, angle brackets, braces, an HTML entity, a tab and a bidi override.
     */
    public static final String GRAPH = "graph";

    private TestApps() {
    }

    /** The file names of app {@code name}. */
    public static List<String> files(String name) {
        String listing = read("/apps/" + name + "/index.txt");
        List<String> out = new ArrayList<>();
        for (String line : listing.split("\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** Copies app {@code name} into {@code dir} (created) and returns {@code dir}. */
    public static Path tree(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : files(name)) {
            Files.writeString(dir.resolve(f), read("/apps/" + name + "/" + f), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** Parses app {@code name} (as a smali tree) into {@code db}; returns {@code db}. */
    public static Path database(String name, Path work, Path db) throws IOException, InterruptedException {
        return database(List.of(name), work, db);
    }

    /** Parses apps {@code names} (each a smali tree, one input each, in order) into {@code db}. */
    public static Path database(List<String> names, Path work, Path db) throws IOException, InterruptedException {
        List<Path> trees = new ArrayList<>();
        for (String name : names) {
            trees.add(tree(name, work.resolve(name + "-smali")));
        }
        Indexer.index(new Indexer.Request(trees, db, Indexer.Format.SQLITE, false, 1, ".smali"), ProgressListener.NONE);
        return db;
    }

    private static String read(String resource) {
        try (InputStream in = TestApps.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
