package dev.quiver.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns what a user passes as {@code --db} into a SQLite file to read: a Quiver database as it
 * is, or a JSON index replayed into a temporary database first. The query layer opens the result
 * read-only and never sees writer internals.
 */
public final class IndexFiles {
    /**
     * A database file ready to be opened read-only.
     *
     * @param database  the SQLite file to open
     * @param temporary the same file when it was made from a JSON index (delete it when done), else null
     */
    public record Opened(Path database, Path temporary) {
    }

    private IndexFiles() {
    }

    /**
     * Checks that {@code file} exists and is a file; replays a JSON index into a temporary database.
     * A missing file is an error, never silently created.
     */
    public static Opened prepare(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such index (run 'quiver parse' first)");
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not an index");
        }
        if (!JsonIndexReader.looksLikeJson(file)) {
            return new Opened(file, null);
        }
        Path temporary = Files.createTempFile("quiver-json-", ".db");
        try (SqliteIndexWriter w = new SqliteIndexWriter(temporary, false)) {
            // Decoding is about half of the work; the single writer sets the pace beyond a few threads.
            JsonIndexReader.replay(file, w, Math.min(4, Runtime.getRuntime().availableProcessors()));
            w.commit();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new Opened(temporary, temporary);
    }
}
