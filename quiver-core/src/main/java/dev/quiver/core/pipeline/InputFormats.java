package dev.quiver.core.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Chooses the {@link InputFormat} for a path among those registered in {@code META-INF/services}: smali
 * trees from quiver-core, DEX/APK from quiver-dex. The pipeline names no format itself.
 */
public final class InputFormats {
    private final List<InputFormat> formats = new ArrayList<>();
    private final String smaliSuffix;

    /**
     * A format that reads files by a suffix the user chooses ({@code --suffix}): the smali tree. It is asked
     * first, whatever the class path order: a suffix the user named (even {@code .dex}, or none at all)
     * is what they want read that way.
     */
    public interface Suffixed {
        /** This format reading files whose names end with {@code suffix}. */
        InputFormat withSuffix(String suffix);
    }

    /** @param smaliSuffix suffix of smali files ({@code .smali} unless the user says otherwise) */
    public InputFormats(String smaliSuffix) {
        this.smaliSuffix = smaliSuffix.startsWith(".") || smaliSuffix.isEmpty() ? smaliSuffix : "." + smaliSuffix;
        List<InputFormat> others = new ArrayList<>();
        for (InputFormat f : ServiceLoader.load(InputFormat.class)) {
            if (f instanceof Suffixed s) {
                formats.add(s.withSuffix(smaliSuffix));
            } else {
                others.add(f);
            }
        }
        formats.addAll(others);
    }

    /** The suffix of smali files, with its dot. */
    public String smaliSuffix() {
        return smaliSuffix;
    }

    /** The format that {@linkplain InputFormat#recognizes recognises} {@code file} as a sample, or null. */
    public InputFormat recognize(Path file) {
        for (InputFormat f : formats) {
            if (f.recognizes(file)) {
                return f;
            }
        }
        return null;
    }

    /** The format that reads {@code path}, or a clear error. */
    public InputFormat forPath(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or directory");
        }
        if (!Files.isReadable(path)) {
            throw new IOException(path + ": permission denied");
        }
        for (InputFormat f : formats) {
            if (f.accepts(path)) {
                return f;
            }
        }
        List<String> names = formats.stream().map(InputFormat::name).toList();
        throw new IOException(path + ": not an input Quiver can read (readers: " + String.join(", ", names)
                + "; expected a directory of smali files or a .smali file"
                + (names.contains("dex") ? ", a .dex or an .apk" : "") + ")");
    }
}
