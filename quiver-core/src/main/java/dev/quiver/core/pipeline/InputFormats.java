package dev.quiver.core.pipeline;

import dev.quiver.core.smali.SmaliTreeFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Chooses the {@link InputFormat} for a path: smali trees here, DEX/APK from quiver-dex. */
public final class InputFormats {
    private final List<InputFormat> formats = new ArrayList<>();
    private final String smaliSuffix;

    /** @param smaliSuffix suffix of smali files ({@code .smali} unless the user says otherwise) */
    public InputFormats(String smaliSuffix) {
        this.smaliSuffix = smaliSuffix.startsWith(".") || smaliSuffix.isEmpty() ? smaliSuffix : "." + smaliSuffix;
        formats.add(new SmaliTreeFormat(smaliSuffix));
        for (InputFormat f : ServiceLoader.load(InputFormat.class)) {
            formats.add(f);
        }
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
