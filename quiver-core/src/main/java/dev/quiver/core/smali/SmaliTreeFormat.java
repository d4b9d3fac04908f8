package dev.quiver.core.smali;

import dev.quiver.core.manifest.ApktoolMeta;
import dev.quiver.core.manifest.ManifestReader;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.model.Problem;
import dev.quiver.core.model.Problem.Kind;
import dev.quiver.core.pipeline.InputFormat;
import dev.quiver.core.pipeline.InputFormats;
import dev.quiver.core.pipeline.UnitConsumer;
import dev.quiver.core.pipeline.WorkUnit;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A directory of smali files (apktool/baksmali output), or a single .smali file.
 *
 * <p>Every file whose name ends with the suffix is a unit, at every depth, in sorted order (names
 * compared as strings, per directory). Symbolic links are followed; a link back to an enclosing
 * directory is a loop and becomes a problem. FIFOs, sockets and devices are never opened.
 *
 * <p>Registered in {@code META-INF/services}; {@link InputFormats} gives it the run's {@code --suffix}.
 */
public final class SmaliTreeFormat implements InputFormat, InputFormats.Suffixed {
    /**
     * Larger files are reported, not read: real smali files stay far below this (the largest in the
     * Android framework is a few MB), and a file this size would not fit a 1 GB heap as text.
     */
    static final long MAX_FILE_BYTES = 256L << 20;

    /** An apktool tree's decoded manifest, at its root. */
    static final String MANIFEST = "AndroidManifest.xml";
    /** Larger manifests are not read (real ones are well under 1 MB). */
    static final long MAX_MANIFEST_BYTES = 16L << 20;

    private final String suffix;
    private final SmaliParser parser = new SmaliParser();

    public SmaliTreeFormat() {
        this(".smali");
    }

    /** @param suffix file-name suffix to parse ({@code smali} and {@code .smali} both mean {@code .smali}) */
    public SmaliTreeFormat(String suffix) {
        this.suffix = suffix.startsWith(".") || suffix.isEmpty() ? suffix : "." + suffix;
    }

    @Override
    public InputFormat withSuffix(String suffix) {
        return new SmaliTreeFormat(suffix);
    }

    @Override
    public String name() {
        return "smali";
    }

    @Override
    public boolean accepts(Path input) {
        return Files.isDirectory(input) || input.getFileName().toString().endsWith(suffix);
    }

    @Override
    public void enumerate(Path input, UnitConsumer out) throws IOException, InterruptedException {
        BasicFileAttributes attrs = Files.readAttributes(input, BasicFileAttributes.class);
        List<WorkUnit> units = new ArrayList<>();
        if (attrs.isDirectory()) {
            readManifest(input, units, out);
            int manifestProblems = units.size();
            walk(input, "", new HashSet<>(), new HashMap<>(), units);
            if (units.size() == manifestProblems) {
                units.add(WorkUnit.failed(new Problem(Kind.EMPTY, "", 0, "no file ending in " + suffix + " in "
                        + input + " (wrong directory, or another --suffix?)")));
            }
        } else {
            units.add(fileUnit(input, input.getFileName().toString(), attrs));
        }
        long bytes = 0;
        for (WorkUnit u : units) {
            bytes += u.size();
        }
        out.expect(units.size(), bytes);
        for (WorkUnit u : units) {
            out.accept(u);
        }
    }

    /**
     * An apktool tree's decoded {@code AndroidManifest.xml} at the root (with apktool.yml's version and SDK
     * values), reported to {@code out}; what cannot be read becomes problems in {@code units}.
     */
    private static void readManifest(Path root, List<WorkUnit> units, UnitConsumer out) throws InterruptedException {
        Path file = root.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] xml;
        ApktoolMeta meta = ApktoolMeta.NONE;
        try {
            if (Files.size(file) > MAX_MANIFEST_BYTES) {
                units.add(WorkUnit.failed(new Problem(Kind.MANIFEST, MANIFEST, 0, "manifest too large ("
                        + Files.size(file) + " bytes; the limit is " + MAX_MANIFEST_BYTES + "); not read")));
                return;
            }
            xml = Files.readAllBytes(file);
            Path yml = root.resolve("apktool.yml");
            if (Files.isRegularFile(yml) && Files.size(yml) <= MAX_MANIFEST_BYTES) {
                meta = ApktoolMeta.parse(Files.readAllBytes(yml));
            }
        } catch (IOException e) {
            units.add(WorkUnit.failed(new Problem(Kind.IO, MANIFEST, 0, "cannot read the manifest: " + describe(e))));
            return;
        }
        ManifestReader.Read read = ManifestReader.text(xml, meta);
        for (String p : read.problems()) {
            units.add(WorkUnit.failed(new Problem(Kind.MANIFEST, MANIFEST, 0, p)));
        }
        if (read.manifest() != null) {
            out.manifest(read.manifest());
        }
    }

    /**
     * @param ancestors directories on the current path (a link back to one of them is a loop)
     * @param visited   every directory walked so far, by file key, with its path: a directory reached
     *                  again through another link is not walked twice (a DAG of links would otherwise
     *                  multiply the tree exponentially)
     */
    private void walk(Path dir, String rel, Set<Object> ancestors, Map<Object, String> visited, List<WorkUnit> out) {
        Object key = fileKey(dir);
        if (key != null && ancestors.contains(key)) {
            out.add(WorkUnit.failed(new Problem(Kind.SKIPPED, rel, 0,
                    "symbolic link loop: " + rel + " leads back to an enclosing directory; not followed")));
            return;
        }
        if (key != null && visited.containsKey(key)) {
            out.add(WorkUnit.failed(new Problem(Kind.SKIPPED, rel, 0,
                    "already indexed as " + (visited.get(key).isEmpty() ? "the input root" : visited.get(key))
                            + " (reached again through a symbolic link); not read twice")));
            return;
        }
        if (key != null) {
            ancestors.add(key);
            visited.put(key, rel);
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                children.add(p);
            }
        } catch (IOException e) {
            out.add(WorkUnit.failed(new Problem(Kind.IO, rel, 0, "cannot read directory: " + describe(e))));
            if (key != null) {
                ancestors.remove(key);
            }
            return;
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        for (Path child : children) {
            String name = child.getFileName().toString();
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(child, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                if (Files.isSymbolicLink(child)) {
                    if (name.endsWith(suffix)) {
                        out.add(WorkUnit.failed(new Problem(Kind.IO, childRel, 0, "dangling symbolic link")));
                    }
                    continue;
                }
                continue; // vanished while walking
            } catch (IOException e) {
                if (name.endsWith(suffix) || isLoop(e)) {
                    out.add(WorkUnit.failed(new Problem(isLoop(e) ? Kind.SKIPPED : Kind.IO, childRel, 0,
                            (isLoop(e) ? "symbolic link loop; not followed: " : "cannot read: ") + describe(e))));
                }
                continue;
            }
            if (a.isDirectory()) {
                walk(child, childRel, ancestors, visited, out);
            } else if (name.endsWith(suffix)) {
                out.add(fileUnit(child, childRel, a));
            }
        }
        if (key != null) {
            ancestors.remove(key);
        }
    }

    private WorkUnit fileUnit(Path file, String rel, BasicFileAttributes a) {
        if (!a.isRegularFile()) {
            return WorkUnit.failed(new Problem(Kind.SKIPPED, rel, 0,
                    "not a regular file (FIFO, socket or device); not opened"));
        }
        if (a.size() > MAX_FILE_BYTES) {
            return WorkUnit.failed(new Problem(Kind.SKIPPED, rel, 0,
                    "file too large (" + a.size() + " bytes; the limit is " + MAX_FILE_BYTES + "); not parsed"));
        }
        return new SmaliFileUnit(file, rel, a.size());
    }

    private static Object fileKey(Path dir) {
        try {
            Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
            return key != null ? key : dir.toRealPath().toString();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isLoop(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Too many levels of symbolic links") || m.contains("ELOOP");
    }

    static String describe(IOException e) {
        String reason = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();
        }
        return reason != null ? reason : e.getClass().getSimpleName();
    }

    /** One .smali file. */
    private final class SmaliFileUnit implements WorkUnit {
        private final Path file;
        private final String rel;
        private final long size;

        SmaliFileUnit(Path file, String rel, long size) {
            this.file = file;
            this.rel = rel;
            this.size = size;
        }

        @Override
        public String path() {
            return rel;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public ParsedUnit read() {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                return ParsedUnit.failed(rel, 0, new Problem(Kind.IO, rel, 0, "cannot read file: " + describe(e)));
            }
            return parser.parse(rel, bytes);
        }
    }
}
