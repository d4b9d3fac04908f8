package dev.quiver.core.source;

import java.nio.file.Path;

/**
 * Where a defined method's code lives, as the index recorded it: what a {@link MethodSource} needs
 * to show the code.
 *
 * @param input      the input's path as recorded at parse time (absolute): a smali tree, a .smali
 *                   file, a .dex or an .apk
 * @param inputKind  {@code inputs.kind}: {@code smali}, {@code dex} or {@code apk}
 * @param sourcePath the source file relative to the input ({@code com/a/B.smali}, {@code classes2.dex})
 * @param type       the defining class descriptor
 * @param name       the method name
 * @param descriptor the method descriptor, {@code (I)V}
 * @param firstLine  line of {@code .method} (smali inputs; 0 for DEX)
 * @param lastLine   line of {@code .end method} (smali inputs; 0 for DEX)
 */
public record MethodLocation(Path input, String inputKind, String sourcePath, String type, String name,
                             String descriptor, int firstLine, int lastLine) {
    /** The method's full signature. */
    public String signature() {
        return type + "->" + name + descriptor;
    }
}
