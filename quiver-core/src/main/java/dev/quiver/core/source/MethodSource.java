package dev.quiver.core.source;

/**
 * Shows a defined method's code for one kind of input: smali trees here ({@link SmaliFileSource}),
 * DEX and APK inputs in quiver-dex (baksmali), found with {@link java.util.ServiceLoader} so that
 * front ends never touch dexlib2. Implementations are thread-safe.
 */
public interface MethodSource {
    /** Whether this source reads inputs of {@code kind} ({@code inputs.kind}: smali, dex, apk). */
    boolean reads(String kind);

    /**
     * The method's code. A file that moved, changed or cannot be read is not an exception: the
     * answer says so in its {@link MethodCode#note}, since the index is still right about
     * everything else.
     */
    MethodCode code(MethodLocation method);
}
