package dev.quiver.core.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file built under a temporary name beside its target and moved into place only on
 * {@link #commit()}. An interrupted run (exception, Ctrl-C) leaves the previous target untouched and
 * no temporary file behind.
 */
public final class AtomicOutput implements AutoCloseable {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : PENDING) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort while the JVM is going down; nothing else can be done here
                }
            }
        }, "quiver-cleanup"));
    }

    private final Path target;
    private final Path temp;
    private boolean committed;

    /**
     * @param copyExisting start from a copy of the current target (for appending to it)
     */
    public AtomicOutput(Path target, boolean copyExisting) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        Path dir = this.target.getParent();
        Files.createDirectories(dir);
        this.temp = createTemp(dir, this.target.getFileName().toString());
        if (copyExisting) {
            Files.copy(this.target, temp, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Not {@link Files#createTempFile}: that makes the file 0600 whatever the umask, and the moved
     * database would stay unreadable to other users. {@code createFile} honours the umask.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
            Path temp = dir.resolve("." + name + "." + suffix + ".tmp");
            // Known to the cleanup hook before it exists: a Ctrl-C right after createFile must not leave it.
            PENDING.add(temp);
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                PENDING.remove(temp);
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Where to write while building. */
    public Path temp() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /** Moves the finished temporary file over the target, atomically where the file system allows. */
    public void commit() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        PENDING.remove(temp);
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temp);
            PENDING.remove(temp);
        }
    }
}
