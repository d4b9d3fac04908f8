package dev.quiver.dex;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zip archive (APK, JAR) read the way Android reads it, for files attackers made: the central directory
 * is the truth (sizes, compression method, where the data starts), the local headers are only checked
 * against it, and nothing is ever written to disk or inflated beyond explicit limits.
 *
 * <ul>
 *   <li>Entries are read into memory only when asked, with a per-entry cap, a cap on the compression
 *       ratio (a zip bomb is refused before any byte is inflated) and a cap on all bytes inflated from
 *       the archive; an entry that inflates past its declared size is refused as soon as it does.</li>
 *   <li>Structural lies are findings, not failures: duplicate names, unsafe names ({@code ..}, absolute),
 *       local headers that disagree with the central directory (tools that trust them get another file
 *       than Android), entries overlapping each other (how non-recursive zip bombs reuse data), unknown
 *       compression methods, a damaged central directory (entries are then recovered from the local
 *       headers, front to back).</li>
 * </ul>
 * Entry names are never used as file paths.
 */
final class ZipArchive implements AutoCloseable {
    /** Entries declaring more inflated bytes than this are checked against {@link #MAX_RATIO}. */
    static final long RATIO_FLOOR = 1L << 20;
    /** The largest inflated-to-compressed ratio read (real DEX files compress about 3:1, XML about 10:1). */
    static final long MAX_RATIO = 100;
    /** All bytes inflated from one archive, together. */
    static final long MAX_TOTAL_BYTES = 1L << 30;
    /** More entries than this are not listed (real APKs have a few thousand). */
    static final int MAX_ENTRIES = 500_000;
    /** The largest central directory read (500,000 entries with long names fit). */
    static final long MAX_CENTRAL_BYTES = 64L << 20;

    private static final int LOCAL_SIG = 0x04034b50;
    private static final int CENTRAL_SIG = 0x02014b50;
    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int DESCRIPTOR_SIG = 0x08074b50;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    /**
     * One entry as the central directory (or, after recovery, its local header) describes it.
     *
     * @param dataStart where its data begins (after the local header), or -1 when the local header is unreadable
     */
    record Entry(String name, int method, int flags, long crc, long compressedSize, long size, long localOffset,
                 long dataStart) {
    }

    /** Why an entry was not read; the message is one sentence for the problems table. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final FileChannel ch;
    private final long fileSize;
    private final List<Entry> entries = new ArrayList<>();
    /** Archive-level findings (structure), in the order found. */
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();
    private final java.util.Set<Entry> overlapping = new java.util.HashSet<>();
    private long inflatedTotal;
    /** The inflater {@link #head} reuses; ended on {@link #close}. */
    private Inflater sniffer;
    /** Bytes inflated only to find where entries end, during recovery (a budget of its own). */
    private long scanned;

    /** A structural finding: the entry it is about ({@code ""} for the archive) and what is wrong. */
    record Finding(String entry, String message) {
    }

    private ZipArchive(FileChannel ch, long fileSize) {
        this.ch = ch;
        this.fileSize = fileSize;
    }

    /** Opens {@code file}; an archive so damaged that no entry can be found still opens (with findings). */
    static ZipArchive open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ZipArchive z = new ZipArchive(ch, ch.size());
            z.load();
            return z;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    List<Entry> entries() {
        return entries;
    }

    List<Finding> findings() {
        return findings;
    }

    /** How many entries carry this name (Android refuses an APK with duplicates: which one a tool reads varies). */
    int count(String name) {
        return nameCounts.getOrDefault(name, 0);
    }

    private void load() throws IOException {
        long eocd = findEocd();
        if (eocd < 0) {
            recoverFromLocalHeaders();
            findings.add(0, new Finding("", entries.isEmpty()
                    ? "not a zip archive (no central directory, no entry at the start); an APK, JAR or ZIP was expected"
                    : "no end of central directory record: the archive is truncated or not a zip; entries were "
                    + "recovered from their local headers (Android would refuse this APK)"));
        } else if (readCentral(eocd)) {
            checkLocalHeaders();
        } else {
            recoverFromLocalHeaders();
        }
        for (Entry e : entries) {
            nameCounts.merge(e.name(), 1, Integer::sum);
        }
        findOverlaps();
    }

    private long findEocd() throws IOException {
        if (fileSize < 22) {
            return -1;
        }
        int window = (int) Math.min(fileSize, 22 + 0xffff);
        ByteBuffer tail = read(fileSize - window, window);
        for (int i = window - 22; i >= 0; i--) {
            if (tail.getInt(i) == EOCD_SIG) {
                return fileSize - window + i;
            }
        }
        return -1;
    }

    /** Reads the central directory; false when it is unusable (the caller then recovers entries). */
    private boolean readCentral(long eocd) throws IOException {
        ByteBuffer r = read(eocd, 22);
        long count = r.getShort(10) & 0xffffL;
        long cdSize = r.getInt(12) & 0xffffffffL;
        long cdOffset = r.getInt(16) & 0xffffffffL;
        if ((cdOffset == 0xffffffffL || count == 0xffff || cdSize == 0xffffffffL) && eocd >= 20) {
            ByteBuffer loc = read(eocd - 20, 20);
            if (loc.getInt(0) == ZIP64_LOCATOR_SIG) {
                long z64 = loc.getLong(8);
                if (z64 >= 0 && z64 + 56 <= fileSize) {
                    ByteBuffer z = read(z64, 56);
                    if (z.getInt(0) == ZIP64_EOCD_SIG) {
                        count = z.getLong(32);
                        cdSize = z.getLong(40);
                        cdOffset = z.getLong(48);
                    }
                }
            }
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > eocd) {
            findings.add(new Finding("", "the central directory (offset " + cdOffset + ", " + cdSize
                    + " bytes) lies outside the archive (" + fileSize + " bytes): truncated or corrupt; entries were "
                    + "recovered from their local headers (Android would refuse this APK)"));
            return false;
        }
        if (count > MAX_ENTRIES) {
            findings.add(new Finding("", "the central directory declares " + count + " entries; only the first "
                    + MAX_ENTRIES + " are read"));
            count = MAX_ENTRIES;
        }
        if (cdSize > MAX_CENTRAL_BYTES) {
            findings.add(new Finding("", "the central directory declares " + cdSize + " bytes; only the first "
                    + MAX_CENTRAL_BYTES + " are read"));
        }
        ByteBuffer cd = read(cdOffset, (int) Math.min(cdSize, MAX_CENTRAL_BYTES));
        int p = 0;
        long read = 0;
        while (read < count) {
            if (p + 46 > cd.limit() || cd.getInt(p) != CENTRAL_SIG) {
                findings.add(new Finding("", "the central directory ends after " + read + " of " + count
                        + " entries (truncated or corrupt); the entries after it are not read"));
                break;
            }
            int flags = cd.getShort(p + 8) & 0xffff;
            int method = cd.getShort(p + 10) & 0xffff;
            long crc = cd.getInt(p + 16) & 0xffffffffL;
            long csize = cd.getInt(p + 20) & 0xffffffffL;
            long usize = cd.getInt(p + 24) & 0xffffffffL;
            int nameLen = cd.getShort(p + 28) & 0xffff;
            int extraLen = cd.getShort(p + 30) & 0xffff;
            int commentLen = cd.getShort(p + 32) & 0xffff;
            long offset = cd.getInt(p + 42) & 0xffffffffL;
            if (p + 46L + nameLen + extraLen + commentLen > cd.limit()) {
                findings.add(new Finding("", "the central directory ends inside entry " + (read + 1) + " of " + count
                        + "; the entries from there on are not read"));
                break;
            }
            String name = name(cd, p + 46, nameLen);
            long[] z64 = zip64(cd, p + 46 + nameLen, extraLen, usize, csize, offset);
            entries.add(new Entry(name, method, flags, crc, z64[1], z64[0], z64[2], -1));
            p += 46 + nameLen + extraLen + commentLen;
            read++;
        }
        return !entries.isEmpty() || count == 0;
    }

    /** Sizes and offset from a ZIP64 extra field where the 32-bit fields say 0xffffffff. */
    private static long[] zip64(ByteBuffer b, int at, int len, long usize, long csize, long offset) {
        long[] out = {usize, csize, offset};
        int end = at + len;
        while (at + 4 <= end) {
            int id = b.getShort(at) & 0xffff;
            int size = b.getShort(at + 2) & 0xffff;
            int q = at + 4;
            if (id == 1) {
                for (int i = 0; i < 3; i++) {
                    if (out[i] == 0xffffffffL && q + 8 <= Math.min(end, at + 4 + size)) {
                        out[i] = b.getLong(q);
                        q += 8;
                    }
                }
            }
            at += 4 + size;
        }
        return out;
    }

    /** Compares each local header with its central directory record; sets each entry's data start. */
    private void checkLocalHeaders() throws IOException {
        List<String> differ = new ArrayList<>();
        String example = null;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.localOffset() < 0 || e.localOffset() + 30 > fileSize) {
                findings.add(new Finding(e.name(), "the local header lies outside the archive (offset "
                        + e.localOffset() + "); the entry cannot be read"));
                continue;
            }
            Entry h = localHeader(e.localOffset());
            if (h == null) {
                findings.add(new Finding(e.name(), "no local header at offset " + e.localOffset()
                        + " (the central directory points elsewhere); the entry cannot be read"));
                continue;
            }
            long dataStart = h.dataStart();
            String what = null;
            if (!e.name().equals(h.name())) {
                what = "name '" + h.name() + "'";
            } else if (h.method() != e.method()) {
                what = "compression method " + h.method() + " (central directory: " + e.method() + ")";
            } else if ((h.flags() & 8) == 0 && !sizeAgrees(h.compressedSize(), e.compressedSize(), h.size(), e.size(),
                    h.crc(), e.crc())) {
                what = "sizes or CRC " + h.compressedSize() + "/" + h.size() + "/" + Long.toHexString(h.crc())
                        + " (central directory: " + e.compressedSize() + "/" + e.size() + "/" + Long.toHexString(e.crc())
                        + ")";
            }
            if (what != null) {
                differ.add(e.name());
                if (example == null) {
                    example = e.name() + ": local header has " + what;
                }
            }
            entries.set(i, new Entry(e.name(), e.method(), e.flags(), e.crc(), e.compressedSize(), e.size(),
                    e.localOffset(), dataStart));
        }
        if (!differ.isEmpty()) {
            findings.add(new Finding(differ.size() == 1 ? differ.get(0) : "", differ.size() + " local header"
                    + (differ.size() == 1 ? " disagrees" : "s disagree") + " with the central directory (" + example
                    + "); read as the central directory says, as Android does (tools that trust local headers "
                    + "see other data)"));
        }
    }

    /** The local header at {@code at} as an entry (its data start included), or null when there is none. */
    private Entry localHeader(long at) throws IOException {
        ByteBuffer h = read(at, 30);
        if (h.getInt(0) != LOCAL_SIG) {
            return null;
        }
        int nameLen = h.getShort(26) & 0xffff;
        long dataStart = at + 30 + nameLen + (h.getShort(28) & 0xffff);
        if (dataStart > fileSize) {
            return null;
        }
        return new Entry(name(read(at + 30, nameLen), 0, nameLen), h.getShort(8) & 0xffff, h.getShort(6) & 0xffff,
                h.getInt(14) & 0xffffffffL, h.getInt(18) & 0xffffffffL, h.getInt(22) & 0xffffffffL, at, dataStart);
    }

    private static boolean sizeAgrees(long lc, long cc, long lu, long cu, long lcrc, long ccrc) {
        return (lc == cc || lc == 0xffffffffL) && (lu == cu || lu == 0xffffffffL) && lcrc == ccrc;
    }

    /** Without a usable central directory: walks the local headers from the start of the file. */
    private void recoverFromLocalHeaders() throws IOException {
        entries.clear();
        long p = 0;
        while (p + 30 <= fileSize && entries.size() < MAX_ENTRIES) {
            Entry h = localHeader(p);
            if (h == null) {
                break;
            }
            int flags = h.flags();
            int method = h.method();
            long crc = h.crc();
            long csize = h.compressedSize();
            long usize = h.size();
            long dataStart = h.dataStart();
            String name = h.name();
            if ((flags & 8) != 0 && csize == 0) {
                if (method != DEFLATED) {
                    findings.add(new Finding(name, "a stored entry whose size is only in a data descriptor: its end "
                            + "cannot be found without a central directory; recovery stopped here"));
                    break;
                }
                long[] sizes = deflatedLength(dataStart);
                if (sizes == null) {
                    findings.add(new Finding(name, "its compressed data does not end within the limits; recovery "
                            + "stopped here"));
                    break;
                }
                csize = sizes[0];
                usize = sizes[1];
                long after = dataStart + csize;
                if (after + 4 <= fileSize && read(after, 4).getInt(0) == DESCRIPTOR_SIG) {
                    after += 4;
                }
                if (after + 4 <= fileSize) {
                    crc = read(after, 4).getInt(0) & 0xffffffffL;
                }
                entries.add(new Entry(name, method, flags & ~8, crc, csize, usize, p, dataStart));
                p = after + 12;
                continue;
            }
            entries.add(new Entry(name, method, flags, crc, csize, usize, p, dataStart));
            p = dataStart + csize;
        }
    }

    /** The compressed and inflated length of a deflate stream at {@code at}, or null beyond the limits. */
    private long[] deflatedLength(long at) throws IOException {
        Inflater inf = new Inflater(true);
        try {
            byte[] out = new byte[1 << 16];
            long pos = at;
            long produced = 0;
            while (!inf.finished()) {
                if (inf.needsInput()) {
                    int n = (int) Math.min(1 << 16, fileSize - pos);
                    if (n <= 0) {
                        return null;
                    }
                    ByteBuffer in = read(pos, n);
                    pos += n;
                    byte[] chunk = new byte[n];
                    in.get(chunk);
                    inf.setInput(chunk);
                }
                produced += inf.inflate(out);
                if (produced > DexUnits.MAX_DEX_BYTES || scanned + produced > MAX_TOTAL_BYTES) {
                    return null;
                }
                if (inf.needsDictionary()) {
                    return null;
                }
            }
            scanned += produced;
            return new long[] {inf.getBytesRead(), produced};
        } catch (DataFormatException e) {
            return null;
        } finally {
            inf.end();
        }
    }

    /** Entries whose data ranges overlap another entry's: refused, and reported once. */
    private void findOverlaps() {
        List<Entry> sorted = new ArrayList<>();
        for (Entry e : entries) {
            if (e.dataStart() >= 0) {
                sorted.add(e);
            }
        }
        sorted.sort(Comparator.comparingLong(Entry::localOffset));
        long end = -1;
        Entry last = null;
        for (Entry e : sorted) {
            if (last != null && e.localOffset() < end) {
                overlapping.add(e);
                overlapping.add(last);
            }
            long eEnd = e.dataStart() + e.compressedSize();
            if (eEnd > end) {
                end = eEnd;
                last = e;
            }
        }
        if (!overlapping.isEmpty()) {
            findings.add(new Finding("", overlapping.size() + " entries overlap each other (a zip bomb technique: "
                    + "the same compressed data counted many times); they are not read"));
        }
    }

    /**
     * The inflated bytes of {@code e}, at most {@code cap}; refused (with the reason) for an unknown method, a
     * size or ratio over the limits, an overlap, data outside the file or a stream that lies about its size.
     * A CRC mismatch is returned in {@code crcNote} (the bytes are still returned).
     */
    byte[] read(Entry e, long cap, StringBuilder crcNote) throws Refused, IOException {
        check(e, cap);
        byte[] data = e.method() == STORED ? stored(e) : inflate(e, (int) e.size());
        CRC32 crc = new CRC32();
        crc.update(data);
        if (crc.getValue() != e.crc() && crcNote != null) {
            crcNote.append("CRC mismatch (the entry is damaged or was changed after signing); read anyway");
        }
        return data;
    }

    /**
     * Up to {@code n} first inflated bytes of {@code e} (for sniffing a file type), or an empty array. Called
     * for every entry of an APK (hundreds): one inflater serves them all, and only the first compressed bytes
     * are read.
     */
    byte[] head(Entry e, int n) throws IOException {
        if (e.dataStart() < 0 || overlapping.contains(e) || e.size() < n || e.compressedSize() > fileSize
                || e.dataStart() + e.compressedSize() > fileSize) {
            return new byte[0];
        }
        if (e.method() == STORED) {
            byte[] out = new byte[n];
            read(e.dataStart(), n).get(out);
            return out;
        }
        if (e.method() != DEFLATED) {
            return new byte[0];
        }
        if (sniffer == null) {
            sniffer = new Inflater(true);
        }
        sniffer.reset();
        try {
            int take = (int) Math.min(e.compressedSize(), 1024);
            byte[] in = new byte[take];
            read(e.dataStart(), take).get(in);
            sniffer.setInput(in);
            byte[] out = new byte[n];
            int got = sniffer.inflate(out);
            return got == n ? out : new byte[0];
        } catch (DataFormatException ex) {
            return new byte[0];
        }
    }

    private void check(Entry e, long cap) throws Refused {
        if (overlapping.contains(e)) {
            throw new Refused("overlaps another entry (zip bomb technique); not read");
        }
        if (e.dataStart() < 0) {
            throw new Refused("its local header is missing or unreadable; not read");
        }
        if (e.method() != STORED && e.method() != DEFLATED) {
            throw new Refused("unsupported compression method " + e.method() + " (Android reads only stored and "
                    + "deflated entries); not read");
        }
        if (e.size() > cap) {
            throw new Refused("entry too large (" + e.size() + " bytes declared; the limit is " + cap + "); not read");
        }
        if (e.method() == DEFLATED && e.size() > RATIO_FLOOR && e.size() > e.compressedSize() * MAX_RATIO) {
            throw new Refused("compression ratio " + (e.compressedSize() == 0 ? "unbounded" : e.size()
                    / e.compressedSize() + ":1") + " (" + e.compressedSize() + " bytes inflating to " + e.size()
                    + ") is over the limit of " + MAX_RATIO + ":1: a zip bomb; not inflated");
        }
        if (inflatedTotal + e.size() > MAX_TOTAL_BYTES) {
            throw new Refused("the archive's entries inflate to more than " + MAX_TOTAL_BYTES + " bytes together; "
                    + "not read");
        }
        if (e.compressedSize() > fileSize || e.dataStart() + e.compressedSize() > fileSize) {
            throw new Refused("its data runs past the end of the archive (truncated); not read");
        }
    }

    private byte[] stored(Entry e) throws Refused, IOException {
        if (e.compressedSize() != e.size()) {
            throw new Refused("a stored entry whose sizes differ (" + e.compressedSize() + " stored, " + e.size()
                    + " declared); not read");
        }
        byte[] out = new byte[(int) e.size()];
        read(e.dataStart(), out.length).get(out);
        inflatedTotal += out.length;
        return out;
    }

    /** Inflates exactly {@code size} bytes; more or less is a lie about the size, and is refused. */
    private byte[] inflate(Entry e, int size) throws Refused, IOException {
        byte[] out = new byte[size];
        byte[] probe = new byte[1];
        Inflater inf = new Inflater(true);
        try {
            long pos = e.dataStart();
            long left = e.compressedSize();
            int produced = 0;
            while (!inf.finished()) {
                if (inf.needsInput()) {
                    if (left <= 0) {
                        break;
                    }
                    int n = (int) Math.min(1 << 16, left);
                    byte[] chunk = new byte[n];
                    read(pos, n).get(chunk);
                    pos += n;
                    left -= n;
                    inf.setInput(chunk);
                }
                if (inf.needsDictionary()) {
                    throw new Refused("a deflate stream that needs a preset dictionary; not read");
                }
                if (produced < size) {
                    produced += inf.inflate(out, produced, size - produced);
                } else if (inf.inflate(probe) > 0) {
                    throw new Refused("inflates past its declared size of " + size + " bytes (a zip bomb, or a "
                            + "lying header); not read");
                }
            }
            inflatedTotal += produced;
            if (produced < size) {
                throw new Refused("inflates to " + produced + " bytes, less than the " + size + " declared "
                        + "(truncated or corrupt); not read");
            }
            return out;
        } catch (DataFormatException ex) {
            throw new Refused("corrupt compressed data (" + ex.getMessage() + "); not read");
        } finally {
            inf.end();
        }
    }

    private ByteBuffer read(long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int r = ch.read(b, at + b.position());
            if (r < 0) {
                break;
            }
        }
        b.flip();
        if (b.limit() < n) {
            ByteBuffer full = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
            full.put(b);
            full.flip();
            full.limit(n);
            return full;
        }
        return b;
    }

    private static String name(ByteBuffer b, int at, int len) {
        byte[] n = new byte[len];
        b.get(at, n);
        return new String(n, StandardCharsets.UTF_8);
    }

    /** Names of entries in {@code list} that appear more than once in the archive, in first-seen order. */
    List<String> duplicateNames() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (count(e.name()) > 1) {
                out.putIfAbsent(e.name(), count(e.name()));
            }
        }
        return new ArrayList<>(out.keySet());
    }

    @Override
    public void close() throws IOException {
        if (sniffer != null) {
            sniffer.end();
        }
        ch.close();
    }

    static boolean startsWith(byte[] b, byte[] magic) {
        return b.length >= magic.length && Arrays.equals(b, 0, magic.length, magic, 0, magic.length);
    }
}
