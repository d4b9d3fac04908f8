package dev.quiver.core.pipeline;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A kind of input Quiver can index (smali tree, DEX file, APK). Implementations outside the core
 * (quiver-dex) are found with {@link java.util.ServiceLoader}.
 */
public interface InputFormat {
    /** Short name stored in {@code inputs.kind}: {@code smali}, {@code dex}, {@code apk}. */
    String name();

    /** Whether this format reads {@code input} (by type, suffix or magic bytes; must be cheap). */
    boolean accepts(Path input);

    /**
     * Whether {@code file}, met while walking a folder of samples, is an input of this format: stricter than
     * {@link #accepts} (by content, not by name: a Java library JAR is not an app). Directories are never
     * samples here; {@link SampleFolder} recognises smali trees.
     */
    default boolean recognizes(Path file) {
        return false;
    }

    /**
     * Enumerates the units of {@code input}, in a deterministic order, into {@code out}.
     * Problems met while enumerating are passed on as {@link WorkUnit#failed} units, so they land in order.
     *
     * @throws IOException only when the input as a whole cannot be read
     */
    void enumerate(Path input, UnitConsumer out) throws IOException, InterruptedException;
}
