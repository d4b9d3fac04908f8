package dev.quiver.dex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives as bytes, and the header fields tests change to make them hostile. */
final class ZipBytes {
    private ZipBytes() {
    }

    /** A zip of {@code entries} (deflated, with data descriptors, as ZipOutputStream writes them). */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip whose entries are all stored (sizes and CRC in the local headers, no data descriptor). */
    static byte[] stored(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setMethod(ZipEntry.STORED);
                z.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                z.setCrc(crc.getValue());
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Offset of the central directory record of entry {@code name}. */
    static int central(byte[] zip, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = le(zip);
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (b.getInt(i) == 0x02014b50 && (b.getShort(i + 28) & 0xffff) == n.length
                    && Arrays.equals(zip, i + 46, i + 46 + n.length, n, 0, n.length)) {
                return i;
            }
        }
        throw new AssertionError("no central record for " + name);
    }

    /** Offset of the local header of entry {@code name} (from its central record). */
    static int local(byte[] zip, String name) {
        return le(zip).getInt(central(zip, name) + 42);
    }

    /** Offset of the end of central directory record. */
    static int eocd(byte[] zip) {
        for (int i = zip.length - 22; i >= 0; i--) {
            if (le(zip).getInt(i) == 0x06054b50) {
                return i;
            }
        }
        throw new AssertionError("no EOCD");
    }

    static void putInt(byte[] zip, int at, int v) {
        le(zip).putInt(at, v);
    }

    static void putShort(byte[] zip, int at, int v) {
        le(zip).putShort(at, (short) v);
    }

    static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }
}
