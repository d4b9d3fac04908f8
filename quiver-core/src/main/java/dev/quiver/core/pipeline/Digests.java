package dev.quiver.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * SHA-256 of each file input, computed on one background thread ({@code quiver-digest}) that runs ahead of
 * the parse in input order, so the digest costs the run no time on the threads that set its pace. A
 * directory has no digest. Reading goes through a small buffer: the file is never held in memory whole.
 */
final class Digests implements AutoCloseable {
    /** A file's size and digest; {@code sha256} is null for a directory or an unreadable file. */
    record Digest(long bytes, String sha256) {
    }

    private final ExecutorService pool;
    private final List<Future<Digest>> futures = new ArrayList<>();

    Digests(List<Path> inputs) {
        this.pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quiver-digest");
            t.setDaemon(true);
            return t;
        });
        for (Path p : inputs) {
            futures.add(pool.submit(() -> digest(p)));
        }
    }

    /** The digest of input {@code i} (waits for it). */
    Digest get(int i) throws InterruptedException, IOException {
        try {
            return futures.get(i).get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException("cannot compute the SHA-256 of input " + (i + 1) + ": " + c, c);
        }
    }

    static Digest digest(Path p) {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p)) {
            return new Digest(-1, null);
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(p)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
                n += r;
            }
        } catch (IOException e) {
            // The parse reports why the input cannot be read; the input simply has no digest.
            return new Digest(-1, null);
        }
        return new Digest(n, HexFormat.of().formatHex(md.digest()));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
