package dev.quiver.core.model;

import java.util.Objects;

/**
 * Something in the input Quiver could not take as it is. Problems are data: they are stored beside
 * the results, counted in the summary and turned into the "completed with problems" exit code.
 *
 * @param kind    what went wrong
 * @param path    the source path relative to its input root (empty for the input itself)
 * @param line    1-based line, or 0 when not tied to a line
 * @param message one clear sentence for a human
 */
public record Problem(Kind kind, String path, int line, String message) {
    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** Problem categories; the lower-case name is what the {@code problems.kind} column holds. */
    public enum Kind {
        /** A line that is not valid smali where a directive or instruction was expected. */
        SYNTAX,
        /** A directive Quiver does not know; the line is skipped. */
        UNKNOWN_DIRECTIVE,
        /** An instruction or member outside the block that must contain it. */
        MISPLACED,
        /** The file ends inside a block (method, annotation, field). */
        TRUNCATED,
        /** A file with no {@code .class} directive. */
        NO_CLASS,
        /** An input with nothing to read (no file with the smali suffix). */
        EMPTY,
        /** The same class descriptor defined twice in one input; both are kept. */
        DUPLICATE_CLASS,
        /** Bytes that are not valid UTF-8; they were decoded as U+FFFD and the file was still parsed. */
        ENCODING,
        /** A binary file (NUL bytes) with a source suffix; not parsed. */
        BINARY,
        /** Not a regular file (FIFO, socket, device), a symlink loop, or a file too large. */
        SKIPPED,
        /** The file or directory could not be read. */
        IO,
        /** An input format or version Quiver cannot read (for example DEX 041). */
        UNSUPPORTED,
        /** The app's manifest is corrupt, truncated or odd (what could be read was kept). */
        MANIFEST,
        /**
         * An archive whose structure lies or is damaged: duplicate or unsafe entry names, a local header that
         * disagrees with the central directory, a damaged central directory, an unsupported compression method.
         */
        ARCHIVE,
        /** A DEX file stored under a name Android does not load as code (it was indexed). */
        HIDDEN_DEX,
        /** An unexpected failure while reading one unit; the rest of the run went on. */
        INTERNAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
