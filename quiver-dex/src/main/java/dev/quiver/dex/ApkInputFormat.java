package dev.quiver.dex;

import dev.quiver.core.manifest.ManifestReader;
import dev.quiver.core.model.Problem;
import dev.quiver.core.model.Problem.Kind;
import dev.quiver.core.pipeline.InputFormat;
import dev.quiver.core.pipeline.UnitConsumer;
import dev.quiver.core.pipeline.WorkUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An APK, JAR or ZIP: its manifest and its {@code classes.dex}, {@code classes2.dex}, ... entries in the order
 * Android loads them, read through {@link ZipArchive} (the central directory is the truth, every size is
 * capped, nothing is extracted). What the archive does wrong is recorded as problems and the rest is read:
 *
 * <ul>
 *   <li>{@code archive}: duplicate names (none of the copies is read: which one a reader gets differs
 *       between readers, and Android refuses such APKs), unsafe names ({@code ..}, absolute), local headers
 *       that disagree with the central directory, overlapping entries, a damaged central directory (entries
 *       recovered from local headers), unknown compression methods;</li>
 *   <li>{@code skipped}: an entry over the size, ratio or total limits (a zip bomb is refused before it is
 *       inflated);</li>
 *   <li>{@code manifest}: a missing (APK), corrupt or truncated {@code AndroidManifest.xml};</li>
 *   <li>{@code hidden-dex}: a DEX file stored under another name ({@code assets/x.bin}): Android does not load
 *       it as the app's code, but the app may load it at run time, so it is indexed too.</li>
 * </ul>
 */
public final class ApkInputFormat implements InputFormat {
    private static final Pattern CLASSES_DEX = Pattern.compile("classes([0-9]{0,9})\\.dex");
    private static final String MANIFEST = "AndroidManifest.xml";
    /** The largest manifest read (real ones are well under 1 MB). */
    static final long MAX_MANIFEST_BYTES = 16L << 20;
    private static final byte[] DEX_MAGIC = {'d', 'e', 'x', '\n'};
    private static final int MAX_LISTED = 10;

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public boolean accepts(Path input) {
        if (!Files.isRegularFile(input)) {
            return false;
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".apk") || name.endsWith(".jar") || name.endsWith(".zip")
                || DexInputFormat.startsWith(input, new byte[] {'P', 'K', 3, 4});
    }

    /**
     * In a folder of samples: a zip (by its magic, whatever its name) that is an APK: named {@code .apk}, or
     * holding {@code classes*.dex} or {@code AndroidManifest.xml}. A Java library JAR is not Android code.
     */
    @Override
    public boolean recognizes(Path file) {
        if (!Files.isRegularFile(file) || !DexInputFormat.startsWith(file, new byte[] {'P', 'K', 3, 4})) {
            return false;
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".apk")) {
            return true;
        }
        try (ZipArchive zip = ZipArchive.open(file)) {
            for (ZipArchive.Entry e : zip.entries()) {
                if (e.name().equals(MANIFEST) || CLASSES_DEX.matcher(e.name()).matches()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void enumerate(Path input, UnitConsumer out) throws IOException, InterruptedException {
        try (ZipArchive zip = ZipArchive.open(input)) {
            for (ZipArchive.Finding f : zip.findings()) {
                fail(out, new Problem(Kind.ARCHIVE, f.entry(), 0, f.message()));
            }
            if (zip.entries().isEmpty()) {
                return;
            }
            List<ZipArchive.Entry> dex = new ArrayList<>();
            List<ZipArchive.Entry> others = new ArrayList<>();
            ZipArchive.Entry manifest = null;
            List<String> unsafe = new ArrayList<>();
            for (ZipArchive.Entry e : zip.entries()) {
                if (zip.count(e.name()) > 1) {
                    continue; // reported once below
                }
                if (isUnsafe(e.name())) {
                    unsafe.add(e.name());
                } else if (CLASSES_DEX.matcher(e.name()).matches()) {
                    dex.add(e);
                } else if (e.name().equals(MANIFEST)) {
                    manifest = e;
                } else {
                    others.add(e);
                }
            }
            reportNames(out, zip.duplicateNames(), "the archive holds %d entries named %s (Android refuses such APKs);"
                    + " none was read", zip);
            reportNames(out, unsafe, "unsafe entry name (absolute or with '..'); never used as a path", null);
            readManifest(zip, manifest, input, out);
            dex.sort(Comparator.comparingInt((ZipArchive.Entry e) -> dexNumber(e.name()))
                    .thenComparing(ZipArchive.Entry::name));
            for (ZipArchive.Entry e : dex) {
                readDex(zip, e, out, null);
            }
            boolean hidden = false;
            for (ZipArchive.Entry e : others) {
                if (e.size() >= 0x70 && ZipArchive.startsWith(zip.head(e, 4), DEX_MAGIC)) {
                    hidden = true;
                    readDex(zip, e, out, "a DEX file stored as " + e.name() + ": Android loads only classes*.dex as "
                            + "the app's code, so this one is loaded at run time if at all (DexClassLoader?)"
                            + (dex.isEmpty() ? "; the archive has no classes.dex" : "") + "; indexed with the app");
                }
            }
            if (dex.isEmpty() && !hidden) {
                fail(out, new Problem(Kind.UNSUPPORTED, "", 0, "no classes.dex in this archive; nothing to index"));
            }
        }
    }

    private static void reportNames(UnitConsumer out, List<String> names, String format, ZipArchive zip)
            throws InterruptedException {
        for (int i = 0; i < names.size() && i < MAX_LISTED; i++) {
            String n = names.get(i);
            String msg = zip != null ? String.format(format, zip.count(n), n) : format;
            fail(out, new Problem(Kind.ARCHIVE, n, 0, msg));
        }
        if (names.size() > MAX_LISTED) {
            fail(out, new Problem(Kind.ARCHIVE, "", 0, (names.size() - MAX_LISTED) + " more entries like these are not "
                    + "listed"));
        }
    }

    private static void readManifest(ZipArchive zip, ZipArchive.Entry e, Path input, UnitConsumer out)
            throws IOException, InterruptedException {
        if (e == null) {
            if (zip.count(MANIFEST) == 0 && input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".apk")) {
                fail(out, new Problem(Kind.MANIFEST, MANIFEST, 0, "no AndroidManifest.xml in this APK (Android would refuse to install it)"));
            }
            return;
        }
        StringBuilder crc = new StringBuilder();
        byte[] bytes;
        try {
            bytes = zip.read(e, MAX_MANIFEST_BYTES, crc);
        } catch (ZipArchive.Refused r) {
            fail(out, new Problem(Kind.MANIFEST, MANIFEST, 0, "the manifest was not read: " + r.getMessage()));
            return;
        }
        if (crc.length() > 0) {
            fail(out, new Problem(Kind.ARCHIVE, MANIFEST, 0, crc.toString()));
        }
        ManifestReader.Read read = ManifestReader.binary(bytes);
        for (String p : read.problems()) {
            fail(out, new Problem(Kind.MANIFEST, MANIFEST, 0, p));
        }
        if (read.manifest() != null) {
            out.manifest(read.manifest());
        }
    }

    /** Reads one DEX entry and enumerates its units; {@code hidden} is the hidden-dex message, or null. */
    private static void readDex(ZipArchive zip, ZipArchive.Entry e, UnitConsumer out, String hidden)
            throws IOException, InterruptedException {
        StringBuilder crc = new StringBuilder();
        byte[] bytes;
        try {
            bytes = zip.read(e, DexUnits.MAX_DEX_BYTES, crc);
        } catch (ZipArchive.Refused r) {
            fail(out, new Problem(r.getMessage().startsWith("unsupported") ? Kind.ARCHIVE : Kind.SKIPPED, e.name(), 0,
                    r.getMessage()));
            return;
        }
        // The DEX's own units come first: its sources row then carries the file's size.
        DexUnits.enumerate(e.name(), bytes, out);
        if (hidden != null) {
            fail(out, new Problem(Kind.HIDDEN_DEX, e.name(), 0, hidden));
        }
        if (crc.length() > 0) {
            fail(out, new Problem(Kind.ARCHIVE, e.name(), 0, crc.toString()));
        }
    }

    private static void fail(UnitConsumer out, Problem p) throws InterruptedException {
        out.expect(1, 0);
        out.accept(WorkUnit.failed(p));
    }

    private static boolean isUnsafe(String name) {
        String n = name.replace('\\', '/');
        return n.startsWith("/") || n.equals("..") || n.startsWith("../") || n.endsWith("/..")
                || n.contains("/../") || (n.length() > 1 && n.charAt(1) == ':');
    }

    /** Android's load order: classes.dex is 1, classesN.dex is N. */
    private static int dexNumber(String name) {
        Matcher m = CLASSES_DEX.matcher(name);
        if (!m.matches() || m.group(1).isEmpty()) {
            return 1;
        }
        return Integer.parseInt(m.group(1));
    }
}
