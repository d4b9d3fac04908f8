package dev.quiver.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.Axml;
import dev.quiver.core.pipeline.RunSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile APKs, built here byte by byte: each trick is one recorded problem with a clear message, and what the
 * archive still holds is indexed (the good classes.dex, the manifest).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HostileApkTest {
    private static final String CLASS = """
            .class public Lgood/A;
            .super Ljava/lang/Object;

            .method public static m()V
                .registers 1
                const-string v0, "still here"
                return-void
            .end method
            """;

    @TempDir
    Path tmp;

    private byte[] dex;
    private byte[] dex2;
    private byte[] manifest;

    @BeforeEach
    void assemble() throws Exception {
        dex = Files.readAllBytes(TestDex.assembleText(tmp.resolve("a"), List.of(CLASS), "a.dex"));
        dex2 = Files.readAllBytes(TestDex.assembleText(tmp.resolve("b"), List.of(CLASS.replace("good/A", "good/B")),
                "b.dex"));
        manifest = Axml.write(Axml.sampleManifest(), false);
    }

    private Path apk(String name, byte[] bytes) throws Exception {
        return Files.write(tmp.resolve(name), bytes);
    }

    private Map<String, byte[]> entries(Object... nameAndBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndBytes.length; i += 2) {
            m.put((String) nameAndBytes[i], (byte[]) nameAndBytes[i + 1]);
        }
        return m;
    }

    private List<String> problems(Path db) throws Exception {
        return TestDex.rows(db, "SELECT kind || ' ' || path || ': ' || message FROM problems ORDER BY id");
    }

    private List<String> classes(Path db) throws Exception {
        return TestDex.rows(db, "SELECT descriptor FROM classes ORDER BY id");
    }

    @Test
    void aCleanApkHasItsIdentityAndNoProblem() throws Exception {
        Path apk = apk("ok.apk", ZipBytes.zip(entries("AndroidManifest.xml", manifest, "classes.dex", dex,
                "classes2.dex", dex2)));
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk);

        assertThat(problems(db)).isEmpty();
        assertThat(classes(db)).containsExactly("Lgood/A;", "Lgood/B;");
        assertThat(TestDex.rows(db, "SELECT package || ' ' || version_code || ' ' || bytes || ' ' || length(sha256)"
                + " FROM inputs")).containsExactly("com.example.app 7 " + Files.size(apk) + " 64");
        assertThat(TestDex.rows(db, "SELECT count(*) FROM components")).containsExactly("5");
    }

    @Test
    void aZipBombIsRefusedBeforeItIsInflated() throws Exception {
        byte[] zeros = deflate(new byte[200 << 20]); // 200 MiB of zeros: about 200 KB deflated
        byte[] zip = ZipBytes.zip(entries("AndroidManifest.xml", manifest, "classes.dex", dex, "classes2.dex",
                new byte[] {1}, "classes3.dex", new byte[] {2}));
        Path apk = apk("bomb.apk", replaceEntryData(zip, zeros, 200 << 20));
        Path db = tmp.resolve("q.db");

        long start = System.nanoTime();
        TestDex.index(db, 2, apk);

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
        assertThat(problems(db)).containsExactly(
                "skipped classes2.dex: compression ratio " + (200L << 20) / zeros.length + ":1 (" + zeros.length
                        + " bytes inflating to " + (200 << 20) + ") is over the limit of 100:1: a zip bomb; not inflated",
                "skipped classes3.dex: inflates past its declared size of 1000 bytes (a zip bomb, or a lying header); "
                        + "not read");
        assertThat(classes(db)).containsExactly("Lgood/A;");
        assertThat(TestDex.rows(db, "SELECT package FROM inputs")).containsExactly("com.example.app");
    }

    @Test
    void aZipBombFinishesInASmallHeap() throws Exception {
        byte[] zeros = deflate(new byte[200 << 20]);
        byte[] zip = ZipBytes.zip(entries("AndroidManifest.xml", manifest, "classes.dex", dex, "classes2.dex",
                new byte[] {1}, "classes3.dex", new byte[] {2}));
        Path apk = apk("bomb.apk", replaceEntryData(zip, zeros, 200 << 20));
        Path db = tmp.resolve("child.db");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), BombMain.class.getName(), apk.toString(), db.toString())
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }

        assertThat(done).as("finished in time").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(problems(db)).hasSize(2).allMatch(s -> s.contains("zip bomb"));
        assertThat(classes(db)).containsExactly("Lgood/A;");
    }

    @Test
    void duplicateEntryNamesAreReportedAndNoCopyIsRead() throws Exception {
        byte[] zip = ZipBytes.zip(entries("AndroidManifest.xml", manifest, "classes.dex", dex, "classes.xex", dex2,
                "classes2.dex", dex2));
        rename(zip, "classes.xex", "classes.dex");
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("dup.apk", zip));

        assertThat(problems(db)).containsExactly("archive classes.dex: the archive holds 2 entries named classes.dex "
                + "(Android refuses such APKs); none was read");
        assertThat(classes(db)).containsExactly("Lgood/B;");
    }

    @Test
    void unsafeNamesAreReportedAndNeverUsedAsPaths() throws Exception {
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("evil.apk", ZipBytes.zip(entries("AndroidManifest.xml", manifest, "../../classes.dex",
                dex2, "/etc/x.so", new byte[1], "classes.dex", dex))));

        assertThat(problems(db)).containsExactly(
                "archive ../../classes.dex: unsafe entry name (absolute or with '..'); never used as a path",
                "archive /etc/x.so: unsafe entry name (absolute or with '..'); never used as a path");
        assertThat(classes(db)).containsExactly("Lgood/A;");
        assertThat(Files.exists(tmp.getParent().getParent().resolve("classes.dex"))).isFalse();
    }

    @Test
    void aLocalHeaderThatLiesIsReportedAndTheCentralDirectoryIsBelieved() throws Exception {
        byte[] zip = ZipBytes.stored(entries("AndroidManifest.xml", manifest, "classes.dex", dex));
        // BadPack-style: the local header says "compression method 0x1234" and a bogus size; Android ignores both.
        ZipBytes.putShort(zip, ZipBytes.local(zip, "classes.dex") + 8, 0x1234);
        ZipBytes.putInt(zip, ZipBytes.local(zip, "AndroidManifest.xml") + 22, 7);
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("badpack.apk", zip));

        assertThat(problems(db)).containsExactly("archive : 2 local headers disagree with the central directory "
                + "(AndroidManifest.xml: local header has sizes or CRC " + manifest.length + "/7/"
                + Long.toHexString(crc(manifest)) + " (central directory: " + manifest.length + "/" + manifest.length
                + "/" + Long.toHexString(crc(manifest)) + ")); read as the central directory says, as Android does "
                + "(tools that trust local headers see other data)");
        assertThat(classes(db)).containsExactly("Lgood/A;");
        assertThat(TestDex.rows(db, "SELECT package FROM inputs")).containsExactly("com.example.app");
    }

    @Test
    void aTruncatedCentralDirectoryIsRecoveredFromTheLocalHeaders() throws Exception {
        byte[] zip = ZipBytes.zip(entries("AndroidManifest.xml", manifest, "classes.dex", dex, "classes2.dex", dex2));
        byte[] cut = Arrays.copyOf(zip, ZipBytes.central(zip, "classes.dex") + 20);
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("cut.apk", cut));

        assertThat(problems(db)).containsExactly("archive : no end of central directory record: the archive is "
                + "truncated or not a zip; entries were recovered from their local headers (Android would refuse this "
                + "APK)");
        assertThat(classes(db)).containsExactly("Lgood/A;", "Lgood/B;");
        assertThat(TestDex.rows(db, "SELECT package FROM inputs")).containsExactly("com.example.app");
    }

    @Test
    void aCentralDirectoryPointingOutsideTheFileIsRecoveredToo() throws Exception {
        byte[] zip = ZipBytes.zip(entries("AndroidManifest.xml", manifest, "classes.dex", dex));
        ZipBytes.putInt(zip, ZipBytes.eocd(zip) + 16, 0x7fffff00); // central directory offset
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("cd.apk", zip));

        assertThat(problems(db)).singleElement().asString().startsWith("archive : the central directory (offset "
                + 0x7fffff00 + ", ");
        assertThat(classes(db)).containsExactly("Lgood/A;");
    }

    @Test
    void anUnsupportedCompressionMethodIsReportedAndTheRestRead() throws Exception {
        byte[] zip = ZipBytes.stored(entries("AndroidManifest.xml", manifest, "classes.dex", dex, "classes2.dex", dex2));
        ZipBytes.putShort(zip, ZipBytes.central(zip, "classes2.dex") + 10, 12); // bzip2
        ZipBytes.putShort(zip, ZipBytes.local(zip, "classes2.dex") + 8, 12);
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("bz.apk", zip));

        assertThat(problems(db)).containsExactly("archive classes2.dex: unsupported compression method 12 (Android "
                + "reads only stored and deflated entries); not read");
        assertThat(classes(db)).containsExactly("Lgood/A;");
    }

    @Test
    void overlappingEntriesAreNotRead() throws Exception {
        byte[] zip = ZipBytes.stored(entries("AndroidManifest.xml", manifest, "classes.dex", dex, "classes2.dex", dex2,
                "classes3.dex", dex2));
        // classes3.dex's central record points at classes2.dex's local header (and so at its data).
        ZipBytes.putInt(zip, ZipBytes.central(zip, "classes3.dex") + 42, ZipBytes.local(zip, "classes2.dex"));
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("overlap.apk", zip));

        assertThat(problems(db)).contains("archive : 2 entries overlap each other (a zip bomb technique: the same "
                + "compressed data counted many times); they are not read");
        assertThat(classes(db)).containsExactly("Lgood/A;");
    }

    @Test
    void aTruncatedManifestKeepsWhatCouldBeReadAndTheCodeIsIndexed() throws Exception {
        byte[] cut = Arrays.copyOf(manifest, manifest.length - 100); // the last elements are cut off
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("m.apk", ZipBytes.zip(entries("AndroidManifest.xml", cut, "classes.dex", dex))));

        assertThat(problems(db)).first().asString().isEqualTo("manifest AndroidManifest.xml: truncated binary XML: "
                + "the header declares " + manifest.length + " bytes, there are " + cut.length);
        assertThat(TestDex.rows(db, "SELECT count(*) FROM permissions")).containsExactly("2");
        assertThat(classes(db)).containsExactly("Lgood/A;");
        assertThat(TestDex.rows(db, "SELECT package FROM inputs")).containsExactly("com.example.app");
    }

    @Test
    void aCorruptManifestIsAProblem() throws Exception {
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("m.apk", ZipBytes.zip(entries("AndroidManifest.xml", new byte[] {0, 1, 2, 3, 4, 5, 6, 7,
                8}, "classes.dex", dex))));

        assertThat(problems(db)).containsExactly("manifest AndroidManifest.xml: not binary XML (first chunk type "
                + "0x0100, expected 0x0003)");
        assertThat(classes(db)).containsExactly("Lgood/A;");
        assertThat(TestDex.rows(db, "SELECT count(*) FROM manifests")).containsExactly("0");
    }

    @Test
    void anApkWithoutAManifestSaysSo() throws Exception {
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("nomanifest.apk", ZipBytes.zip(entries("classes.dex", dex))));
        assertThat(problems(db)).containsExactly("manifest AndroidManifest.xml: no AndroidManifest.xml in this APK "
                + "(Android would refuse to install it)");
        TestDex.index(tmp.resolve("jar.db"), 1, apk("lib.jar", ZipBytes.zip(entries("classes.dex", dex))));
        assertThat(problems(tmp.resolve("jar.db"))).isEmpty();
    }

    @Test
    void aDexUnderAMisleadingNameIsIndexedAndReported() throws Exception {
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("packed.apk", ZipBytes.zip(entries("AndroidManifest.xml", manifest, "assets/x.bin",
                dex2, "res/raw/a.png", new byte[200]))));

        assertThat(problems(db)).containsExactly("hidden-dex assets/x.bin: a DEX file stored as assets/x.bin: Android "
                + "loads only classes*.dex as the app's code, so this one is loaded at run time if at all "
                + "(DexClassLoader?); the archive has no classes.dex; indexed with the app");
        assertThat(classes(db)).containsExactly("Lgood/B;");
        assertThat(TestDex.rows(db, "SELECT path || ' ' || (bytes > 0) FROM sources ORDER BY id"))
                .containsExactly("assets/x.bin 1");
    }

    @Test
    void aHiddenDexBesideClassesDexIsIndexedToo() throws Exception {
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("both.apk", ZipBytes.zip(entries("AndroidManifest.xml", manifest, "classes.dex", dex,
                "assets/payload", dex2))));

        assertThat(problems(db)).containsExactly("hidden-dex assets/payload: a DEX file stored as assets/payload: "
                + "Android loads only classes*.dex as the app's code, so this one is loaded at run time if at all "
                + "(DexClassLoader?); indexed with the app");
        assertThat(classes(db)).containsExactly("Lgood/A;", "Lgood/B;");
    }

    @Test
    void aLocalHeaderWithAnotherNameIsReported() throws Exception {
        byte[] zip = ZipBytes.stored(entries("AndroidManifest.xml", manifest, "classes.dex", dex));
        int local = ZipBytes.local(zip, "classes.dex");
        zip[local + 30 + "classes".length()] = 'X'; // the local header now names "classesX.dex"
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("names.apk", zip));

        assertThat(problems(db)).containsExactly("archive classes.dex: 1 local header disagrees with the central "
                + "directory (classes.dex: local header has name 'classesXdex'); read as the central directory says, "
                + "as Android does (tools that trust local headers see other data)");
        assertThat(classes(db)).containsExactly("Lgood/A;");
    }

    @Test
    void aCrcMismatchIsReportedAndTheEntryStillRead() throws Exception {
        byte[] zip = ZipBytes.stored(entries("AndroidManifest.xml", manifest, "classes.dex", dex));
        int crcAt = ZipBytes.central(zip, "classes.dex") + 16;
        ZipBytes.putInt(zip, crcAt, ZipBytes.le(zip).getInt(crcAt) ^ 1);
        ZipBytes.putInt(zip, ZipBytes.local(zip, "classes.dex") + 14, ZipBytes.le(zip).getInt(crcAt));
        Path db = tmp.resolve("q.db");
        TestDex.index(db, 1, apk("crc.apk", zip));

        assertThat(problems(db)).containsExactly("archive classes.dex: CRC mismatch (the entry is damaged or was "
                + "changed after signing); read anyway");
        assertThat(classes(db)).containsExactly("Lgood/A;");
    }

    @Test
    void entriesDeclaringAHugeSizeAreNotRead() throws Exception {
        byte[] zip = ZipBytes.zip(entries("AndroidManifest.xml", manifest, "classes.dex", dex, "classes2.dex", dex2));
        ZipBytes.putInt(zip, ZipBytes.central(zip, "classes2.dex") + 24, Integer.MAX_VALUE);
        Path db = tmp.resolve("q.db");
        RunSummary s = TestDex.index(db, 1, apk("huge.apk", zip));

        assertThat(problems(db)).containsExactly("skipped classes2.dex: entry too large (" + Integer.MAX_VALUE
                + " bytes declared; the limit is " + DexUnits.MAX_DEX_BYTES + "); not read");
        assertThat(s.classes()).isEqualTo(1);
    }

    /** {@code data} deflated (raw). */
    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(9, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static long crc(byte[] b) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(b);
        return c.getValue();
    }

    /**
     * The zip rebuilt so that classes2.dex and classes3.dex hold {@code deflated} (which inflates to
     * {@code inflated} bytes): classes2.dex declares the true size, classes3.dex declares 1000 bytes (a lie).
     * Entries are written stored-style by hand: local header, data, central directory.
     */
    private byte[] replaceEntryData(byte[] original, byte[] deflated, long inflated) throws Exception {
        java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(original));
        Map<String, byte[]> kept = new LinkedHashMap<>();
        for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
            kept.put(e.getName(), in.readAllBytes());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream cd = new ByteArrayOutputStream();
        int count = 0;
        for (Map.Entry<String, byte[]> e : kept.entrySet()) {
            boolean bomb = e.getKey().equals("classes2.dex") || e.getKey().equals("classes3.dex");
            byte[] data = bomb ? deflated : deflate(e.getValue());
            long size = e.getKey().equals("classes2.dex") ? inflated : bomb ? 1000 : e.getValue().length;
            long crc = bomb ? 0 : crc(e.getValue());
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(30 + name.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
                    .putInt((int) crc).putInt(data.length).putInt((int) size).putShort((short) name.length)
                    .putShort((short) 0).put(name);
            out.write(h.array());
            out.write(data);
            java.nio.ByteBuffer c = java.nio.ByteBuffer.allocate(46 + name.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                    .putInt(0).putInt((int) crc).putInt(data.length).putInt((int) size).putShort((short) name.length)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt(offset).put(name);
            cd.write(c.array());
            count++;
        }
        int cdOffset = out.size();
        out.write(cd.toByteArray());
        java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(22).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count).putShort((short) count)
                .putInt(cd.size()).putInt(cdOffset).putShort((short) 0);
        out.write(end.array());
        return out.toByteArray();
    }

    private static void rename(byte[] zip, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + f.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, zip, i, t.length);
            }
        }
    }
}
