package dev.quiver.dex;

import dev.quiver.core.model.ClassDef;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.model.Problem;
import dev.quiver.core.model.Problem.Kind;
import dev.quiver.core.pipeline.UnitConsumer;
import dev.quiver.core.pipeline.WorkUnit;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.dexbacked.raw.HeaderItem;

/**
 * Turns one DEX image (a {@code .dex} file or an APK entry, already in memory) into units of work: ranges of
 * {@value #CLASSES_PER_UNIT} class indexes, so that one huge {@code classes.dex} is read on every worker.
 * The header is checked first; a DEX Quiver cannot read becomes one problem and no units.
 */
final class DexUnits {
    static final int CLASSES_PER_UNIT = 256;

    /** The largest DEX Quiver reads (real ones stay far below; the format allows 4 GB). */
    static final long MAX_DEX_BYTES = 256L << 20;

    private static final int HEADER_SIZE = 0x70;
    private static final int CLASS_DEF_SIZE = 32;
    private static final int ENDIAN_CONSTANT = 0x12345678;

    /** The DEX versions dexlib2 reads, as text ("035, 037, 038 and 039" for dexlib2 2.5.2). */
    static final String SUPPORTED_VERSIONS = supportedVersions();

    private DexUnits() {
    }

    /** Enumerates the units of the DEX image {@code bytes}, named {@code name}, into {@code out}. */
    static void enumerate(String name, byte[] bytes, UnitConsumer out) throws InterruptedException {
        Problem problem = check(name, bytes);
        DexBackedDexFile dex = null;
        if (problem == null) {
            try {
                dex = new DexBackedDexFile(null, bytes);
            } catch (RuntimeException e) {
                problem = new Problem(Kind.IO, name, 0, "corrupt DEX: " + describe(e));
            }
        }
        if (problem != null) {
            out.expect(1, bytes.length);
            out.accept(WorkUnit.failed(problem));
            return;
        }
        int classes = dex.getClassSection().size();
        int units = Math.max(1, (classes + CLASSES_PER_UNIT - 1) / CLASSES_PER_UNIT);
        out.expect(units, bytes.length);
        DexClassReader reader = new DexClassReader(new DexRefs(dex));
        for (int i = 0; i < units; i++) {
            int from = i * CLASSES_PER_UNIT;
            int to = Math.min(classes, from + CLASSES_PER_UNIT);
            // Progress advances with each range's share of the file; the file's bytes are counted once.
            long share = classes == 0 ? bytes.length : (long) bytes.length * (to - from) / classes;
            out.accept(new ClassRange(name, dex, reader, from, to, share, i == 0 ? bytes.length : 0));
        }
    }

    private static String supportedVersions() {
        List<String> versions = new ArrayList<>();
        for (int v = 0; v < 1000; v++) {
            if (HeaderItem.isSupportedDexVersion(v)) {
                versions.add(String.format("%03d", v));
            }
        }
        int last = versions.size() - 1;
        return last <= 0 ? String.join("", versions)
                : String.join(", ", versions.subList(0, last)) + " and " + versions.get(last);
    }

    /** The header checks dexlib2 leaves to later (or to an exception): magic, version, endianness, sizes. */
    static Problem check(String name, byte[] b) {
        if (b.length < HEADER_SIZE) {
            return new Problem(Kind.IO, name, 0, "truncated DEX: " + b.length + " bytes, less than the "
                    + HEADER_SIZE + "-byte header");
        }
        if (b[0] != 'd' || b[1] != 'e' || b[2] != 'x' || b[3] != '\n' || b[7] != 0
                || !isDigit(b[4]) || !isDigit(b[5]) || !isDigit(b[6])) {
            String what = b[0] == 'c' && b[1] == 'd' && b[2] == 'e' && b[3] == 'x'
                    ? "a compact DEX (cdex) file, which Quiver does not read" : "not a DEX file (bad magic)";
            return new Problem(Kind.UNSUPPORTED, name, 0, what);
        }
        int version = (b[4] - '0') * 100 + (b[5] - '0') * 10 + (b[6] - '0');
        if (!HeaderItem.isSupportedDexVersion(version)) {
            return new Problem(Kind.UNSUPPORTED, name, 0,
                    String.format("unsupported DEX version %03d (Quiver reads %s)", version, SUPPORTED_VERSIONS));
        }
        ByteBuffer header = ByteBuffer.wrap(b, 0, HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        if (header.getInt(HeaderItem.ENDIAN_TAG_OFFSET) != ENDIAN_CONSTANT) {
            return new Problem(Kind.UNSUPPORTED, name, 0, "big-endian or corrupt DEX (bad endian tag)");
        }
        long declared = Integer.toUnsignedLong(header.getInt(HeaderItem.FILE_SIZE_OFFSET));
        if (declared > b.length) {
            return new Problem(Kind.IO, name, 0, "truncated DEX: the header declares " + declared
                    + " bytes, there are " + b.length);
        }
        // Every id section must lie inside the file: Quiver sizes its reference caches by these counts,
        // and dexlib2 trusts them, so a forged count would otherwise ask for gigabytes up front.
        for (Section s : SECTIONS) {
            long count = Integer.toUnsignedLong(header.getInt(s.countOffset));
            long start = Integer.toUnsignedLong(header.getInt(s.startOffset));
            if (count > 0 && start + count * s.itemSize > b.length) {
                return new Problem(Kind.IO, name, 0, "corrupt DEX: " + count + " " + s.name + " at offset "
                        + start + " run past the end of the file (" + b.length + " bytes)");
            }
        }
        return null;
    }

    /** An id section of the DEX header: where its count and offset are, and the size of one item. */
    private record Section(String name, int countOffset, int startOffset, int itemSize) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("string ids", HeaderItem.STRING_COUNT_OFFSET, HeaderItem.STRING_START_OFFSET, 4),
            new Section("type ids", HeaderItem.TYPE_COUNT_OFFSET, HeaderItem.TYPE_START_OFFSET, 4),
            new Section("prototype ids", HeaderItem.PROTO_COUNT_OFFSET, HeaderItem.PROTO_START_OFFSET, 12),
            new Section("field ids", HeaderItem.FIELD_COUNT_OFFSET, HeaderItem.FIELD_START_OFFSET, 8),
            new Section("method ids", HeaderItem.METHOD_COUNT_OFFSET, HeaderItem.METHOD_START_OFFSET, 8),
            new Section("class definitions", HeaderItem.CLASS_COUNT_OFFSET, HeaderItem.CLASS_START_OFFSET,
                    CLASS_DEF_SIZE));

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** Classes {@code [from, to)} of one DEX file. */
    private record ClassRange(String path, DexBackedDexFile dex, DexClassReader reader, int from, int to, long size,
                              long fileBytes)
            implements WorkUnit {
        @Override
        public ParsedUnit read() {
            List<ClassDef> classes = new ArrayList<>(to - from);
            List<Problem> problems = new ArrayList<>();
            for (int i = from; i < to; i++) {
                try {
                    DexBackedClassDef c = dex.getClassSection().get(i);
                    classes.add(reader.read(c));
                } catch (RuntimeException e) {
                    problems.add(new Problem(Kind.IO, path, 0, "corrupt DEX: class " + typeOf(i)
                            + " could not be read (" + describe(e) + "); skipped"));
                } catch (StackOverflowError e) {
                    // A forged nesting depth: the recursion was this class's alone, the others are read.
                    problems.add(new Problem(Kind.IO, path, 0, "corrupt DEX: class " + typeOf(i)
                            + " could not be read (its data nests too deeply); skipped"));
                } catch (OutOfMemoryError e) {
                    // Most likely a forged size (the failed allocation was this class's alone, nothing of
                    // it is kept), but a heap too small for the app looks the same: say both.
                    problems.add(new Problem(Kind.IO, path, 0, "class " + typeOf(i) + " could not be read: out"
                            + " of memory (a forged size in the DEX, or a heap too small for this app: set"
                            + " QUIVER_JAVA_OPTS=-Xmx...); skipped"));
                }
            }
            return new ParsedUnit(path, fileBytes, 0, classes, problems);
        }

        /** The descriptor of class {@code i} read straight from its class_def, or {@code #i} if even that fails. */
        private String typeOf(int i) {
            try {
                return dex.getTypeSection().get(dex.getBuffer().readSmallUint(dex.getClassSection().getOffset(i)));
            } catch (RuntimeException e) {
                return "#" + i + " (type unreadable: " + describe(e) + ")";
            }
        }
    }
}
