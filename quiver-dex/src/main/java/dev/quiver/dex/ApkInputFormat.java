package dev.quiver.dex;

import dev.quiver.core.model.Problem;
import dev.quiver.core.model.Problem.Kind;
import dev.quiver.core.pipeline.InputFormat;
import dev.quiver.core.pipeline.UnitConsumer;
import dev.quiver.core.pipeline.WorkUnit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An APK, JAR or ZIP: its {@code classes.dex}, {@code classes2.dex}, ... entries in the order Android loads
 * them. Entries are read into memory, never extracted, and never beyond {@link DexUnits#MAX_DEX_BYTES}.
 *
 * <p>Archive tricks are problems, not surprises: an entry name that appears twice (Android refuses such
 * APKs, and which copy a reader gets differs between readers) is not read at all; names with {@code ..}
 * segments or absolute paths are reported; an entry larger than the limit is reported and skipped.
 */
public final class ApkInputFormat implements InputFormat {
    private static final Pattern CLASSES_DEX = Pattern.compile("classes([0-9]{0,9})\\.dex");

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

    @Override
    public void enumerate(Path input, UnitConsumer out) throws IOException, InterruptedException {
        ZipFile zip;
        try {
            zip = new ZipFile(input.toFile());
        } catch (ZipException e) {
            fail(out, new Problem(Kind.IO, "", 0, "not a readable zip archive (" + DexUnits.describe(e)
                    + "); an APK, JAR or ZIP was expected"));
            return;
        }
        try (zip) {
            Map<String, List<ZipEntry>> dexEntries = new LinkedHashMap<>();
            List<Problem> problems = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (isUnsafe(e.getName())) {
                    problems.add(new Problem(Kind.SKIPPED, e.getName(), 0,
                            "unsafe entry name (absolute or with '..'); ignored"));
                } else if (CLASSES_DEX.matcher(e.getName()).matches()) {
                    dexEntries.computeIfAbsent(e.getName(), k -> new ArrayList<>()).add(e);
                }
            }
            for (Problem p : problems) {
                fail(out, p);
            }
            if (dexEntries.isEmpty()) {
                fail(out, new Problem(Kind.UNSUPPORTED, "", 0, "no classes.dex in this archive; nothing to index"));
                return;
            }
            List<String> names = new ArrayList<>(dexEntries.keySet());
            names.sort(Comparator.comparingInt(ApkInputFormat::dexNumber).thenComparing(Comparator.naturalOrder()));
            for (String name : names) {
                List<ZipEntry> copies = dexEntries.get(name);
                if (copies.size() > 1) {
                    fail(out, new Problem(Kind.SKIPPED, name, 0, "the archive holds " + copies.size()
                            + " entries named " + name + " (Android refuses such APKs); none was read"));
                    continue;
                }
                byte[] bytes = readEntry(zip, copies.get(0), out);
                if (bytes != null) {
                    DexUnits.enumerate(name, bytes, out);
                }
            }
        }
    }

    /** The entry's bytes, or null after reporting why they could not be read. */
    private static byte[] readEntry(ZipFile zip, ZipEntry e, UnitConsumer out) throws InterruptedException {
        long limit = DexUnits.MAX_DEX_BYTES;
        if (e.getSize() > limit) {
            fail(out, tooLarge(e.getName(), e.getSize() + " bytes declared"));
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                fail(out, tooLarge(e.getName(), "more than " + limit + " bytes inflated"));
                return null;
            }
            return bytes;
        } catch (IOException ex) {
            fail(out, new Problem(Kind.IO, e.getName(), 0, "cannot read entry: " + DexUnits.describe(ex)));
            return null;
        }
    }

    private static Problem tooLarge(String name, String what) {
        return new Problem(Kind.SKIPPED, name, 0, "entry too large (" + what + "; the limit is "
                + DexUnits.MAX_DEX_BYTES + "); not read");
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
