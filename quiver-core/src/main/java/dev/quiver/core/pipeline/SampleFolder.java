package dev.quiver.core.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a directory given to {@code quiver parse} into inputs. A directory is either one smali tree (as
 * always) or a folder of samples, each sample its own input:
 *
 * <ul>
 *   <li>an apktool tree: a directory holding {@code apktool.yml}, or {@code AndroidManifest.xml} beside a
 *       {@code smali} or {@code smali_classesN} directory (all of them one app; nothing below it is a
 *       sample of its own);</li>
 *   <li>a file an input format {@linkplain InputFormat#recognizes recognises} by its content: an APK, a
 *       JAR/ZIP holding {@code classes*.dex} or a manifest, a DEX file (whatever the names);</li>
 *   <li>a smali tree: a directory with smali files below it and no sample below it, whose parent does
 *       have samples below it (so {@code samples/x-smali/com/a/B.smali} beside {@code samples/y.apk} is the
 *       tree {@code x-smali}); a smali file lying directly in such a mixed directory is an input alone.</li>
 * </ul>
 * A directory with no sample anywhere below it is one smali tree, exactly as before. Everything else in
 * a folder of samples is not Android code: skipped and counted, not a problem. Order: sorted by name
 * within each directory, depth first. Symbolic links are followed; a directory reached twice is walked once.
 */
public final class SampleFolder {
    /**
     * What a directory holds.
     *
     * @param inputs     the inputs, in order (the directory itself when it is one smali tree)
     * @param notAndroid files that are not Android code (0 for a smali tree)
     */
    public record Expansion(List<Path> inputs, long notAndroid) {
    }

    private final InputFormats formats;
    private final String suffix;
    private final Set<Path> visited = new HashSet<>();

    private SampleFolder(InputFormats formats, String suffix) {
        this.formats = formats;
        this.suffix = suffix;
    }

    /** The inputs {@code dir} holds. */
    public static Expansion expand(Path dir, InputFormats formats, String suffix) {
        SampleFolder f = new SampleFolder(formats, suffix);
        if (isApktoolTree(dir)) {
            return new Expansion(List.of(dir), 0);
        }
        Node n = f.scan(dir);
        if (!n.mixed) {
            return new Expansion(List.of(dir), 0);
        }
        return new Expansion(List.copyOf(n.items), n.notAndroid);
    }

    /** One scanned directory: its inputs if it is mixed, else whether it holds smali and how many other files. */
    private static final class Node {
        final List<Path> items = new ArrayList<>();
        boolean mixed;
        boolean smali;
        long others;
        long notAndroid;
    }

    /** An apktool tree: apktool.yml, or a decoded manifest beside smali directories. */
    static boolean isApktoolTree(Path dir) {
        if (Files.isRegularFile(dir.resolve("apktool.yml"))) {
            return true;
        }
        if (!Files.isRegularFile(dir.resolve("AndroidManifest.xml"))) {
            return false;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "smali*")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (Files.isDirectory(p) && (n.equals("smali") || n.matches("smali_classes[0-9]+"))) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private Node scan(Path dir) {
        Node node = new Node();
        try {
            if (Files.isSymbolicLink(dir) && !visited.add(dir.toRealPath())) {
                return node;
            }
        } catch (IOException e) {
            return node;
        }
        // Names as strings, sorted once: this walk sees every file of a large tree (84k on the framework) before
        // the parse does, so it makes no Path and no stat for a smali file.
        String[] names = dir.toFile().list();
        if (names == null) {
            return node; // an unreadable directory: the smali walk (or nothing) reports it
        }
        Arrays.sort(names);
        // Per child, in order: a sample, a pure subtree (tree or nothing), or a mixed subtree's items.
        List<Object> parts = new ArrayList<>();
        for (String name : names) {
            // A name with the smali suffix is taken as a file without a stat; a directory so named is then an
            // input of its own, which the smali format reads all the same.
            if (name.endsWith(suffix)) {
                node.smali = true;
                parts.add(new LooseSmali(name));
                continue;
            }
            Path child = dir.resolve(name);
            if (Files.isDirectory(child)) {
                if (isApktoolTree(child)) {
                    node.mixed = true;
                    parts.add(child);
                    continue;
                }
                Node sub = scan(child);
                node.mixed |= sub.mixed;
                node.smali |= sub.smali;
                node.others += sub.others;
                parts.add(new Sub(child, sub));
            } else if (formats.recognize(child) != null) {
                node.mixed = true;
                parts.add(child);
            } else {
                node.others++;
                parts.add(OTHER);
            }
        }
        if (!node.mixed) {
            return node;
        }
        for (Object part : parts) {
            if (part instanceof Path p) {
                node.items.add(p);
            } else if (part instanceof LooseSmali l) {
                node.items.add(dir.resolve(l.name()));
            } else if (part instanceof Sub s) {
                if (s.node().mixed) {
                    node.items.addAll(s.node().items);
                    node.notAndroid += s.node().notAndroid;
                } else if (s.node().smali) {
                    node.items.add(s.dir());
                } else {
                    node.notAndroid += s.node().others;
                }
            } else if (part == OTHER) {
                node.notAndroid++;
            }
        }
        return node;
    }

    /** A file here that is neither a sample nor smali. */
    private static final Object OTHER = new Object();

    private record LooseSmali(String name) {
    }

    private record Sub(Path dir, Node node) {
    }
}
