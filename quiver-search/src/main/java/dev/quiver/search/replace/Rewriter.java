package dev.quiver.search.replace;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Applies edits to one file safely: the new content goes to a temporary file in the same
 * directory, gets the original's permissions, is flushed to disk, and is then moved over the
 * original in one atomic rename. Encoding, BOM and line endings are kept because only the matched
 * bytes change. If the file changed since it was searched, nothing is written.
 */
public final class Rewriter {
    /** The file was modified between the search and the write. */
    public static final class ChangedException extends IOException {
        private static final long serialVersionUID = 1L;

        ChangedException(String message) {
            super(message);
        }
    }

    /** What the file looked like when it was searched. */
    public record Snapshot(long size, long modifiedNanos, Object fileKey) {
        public static Snapshot of(Path p) throws IOException {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return new Snapshot(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.fileKey());
        }
    }

    private Rewriter() {
    }

    /** The new content of {@code original} (raw file bytes) after the edits; {@code encoding} as searched. */
    public static byte[] apply(byte[] original, String encoding, List<Edit> edits) {
        byte[] text = original;
        Charset cs = charset(encoding);
        if (cs != null) {
            text = new String(original, 2, original.length - 2, cs).getBytes(StandardCharsets.UTF_8);
        }
        byte[] out = splice(text, edits);
        if (cs != null) {
            byte[] encoded = new String(out, StandardCharsets.UTF_8).getBytes(cs);
            byte[] withBom = new byte[encoded.length + 2];
            withBom[0] = original[0];
            withBom[1] = original[1];
            System.arraycopy(encoded, 0, withBom, 2, encoded.length);
            return withBom;
        }
        return out;
    }

    /** The decoded (UTF-8) text of a file as it was searched. */
    public static byte[] decoded(byte[] original, String encoding) {
        Charset cs = charset(encoding);
        return cs == null ? original : new String(original, 2, original.length - 2, cs).getBytes(StandardCharsets.UTF_8);
    }

    private static Charset charset(String encoding) {
        return switch (encoding) {
            case "utf-16le" -> StandardCharsets.UTF_16LE;
            case "utf-16be" -> StandardCharsets.UTF_16BE;
            default -> null;
        };
    }

    static byte[] splice(byte[] text, List<Edit> edits) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length + 64);
        int p = 0;
        for (Edit e : edits) {
            int s = (int) e.start();
            if (s < p) {
                continue; // overlapping edits cannot happen with one regex; be safe
            }
            out.write(text, p, s - p);
            out.write(e.replacement(), 0, e.replacement().length);
            p = (int) e.end();
        }
        out.write(text, p, text.length - p);
        return out.toByteArray();
    }

    /** Reads {@code file} and checks it is still as {@code before}. */
    public static byte[] read(Path file, Snapshot before) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Snapshot now = Snapshot.of(file);
        if (bytes.length != before.size() || !now.equals(before)) {
            throw new ChangedException("file changed while it was being searched; not rewritten");
        }
        return bytes;
    }

    /** Writes {@code content} over {@code file} atomically, keeping its permissions; checks {@code before} first. */
    public static void write(Path file, byte[] content, Snapshot before) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        Path tmp = Files.createTempFile(dir, "." + name + ".", ".quiver-tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bb = ByteBuffer.wrap(content);
                while (bb.hasRemaining()) {
                    ch.write(bb);
                }
                ch.force(true);
            }
            copyPermissions(file, tmp);
            if (!Snapshot.of(file).equals(before)) {
                throw new ChangedException("file changed while it was being rewritten; not rewritten");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace atomically: " + e.getMessage(), e);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (src == null || dst == null) {
            return; // not a POSIX file system: nothing more to keep
        }
        PosixFileAttributes a = src.readAttributes();
        dst.setPermissions(a.permissions());
        PosixFileAttributes b = dst.readAttributes();
        if (!a.owner().equals(b.owner())) {
            dst.setOwner(a.owner());
        }
        if (!a.group().equals(b.group())) {
            dst.setGroup(a.group());
        }
    }
}
