package dev.quiver.dex;

import dev.quiver.core.source.MethodCode;
import dev.quiver.core.source.MethodLocation;
import dev.quiver.core.source.MethodSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jf.baksmali.Adaptors.ClassDefinition;
import org.jf.baksmali.Adaptors.MethodDefinition;
import org.jf.baksmali.BaksmaliOptions;
import org.jf.baksmali.formatter.BaksmaliWriter;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.dexbacked.DexBackedMethod;

/**
 * A method's code for DEX and APK inputs, rendered by baksmali 2.5.2 with its default options (the
 * register names the index stores come from the same defaults). The DEX image is read again from
 * the input at request time, and the last few images stay parsed (keyed by path, size and
 * modification time, so a replaced file is read anew).
 */
public final class DexMethodSource implements MethodSource {
    /** DEX images kept parsed; a large framework DEX is ~10 MB. */
    private static final int CACHED = 4;

    /** One parsed DEX image and its classes by descriptor (the first definition wins, as on Android). */
    private record Image(DexBackedDexFile dex, Map<String, DexBackedClassDef> classes) {
    }

    private final Map<String, Image> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CACHED;
        }
    };

    @Override
    public boolean reads(String kind) {
        return "dex".equals(kind) || "apk".equals(kind);
    }

    @Override
    public MethodCode code(MethodLocation m) {
        Image image;
        try {
            image = image(m);
        } catch (NoSuchFileException e) {
            return MethodCode.unavailable("the input " + m.input() + " is not there any more (moved or deleted since "
                    + "it was parsed); serve the index where its input lives, or parse it again");
        } catch (IOException | RuntimeException e) {
            return MethodCode.unavailable("cannot read " + m.sourcePath() + " of " + m.input() + ": "
                    + DexUnits.describe(e));
        }
        if (image == null) {
            return MethodCode.unavailable(m.input() + " has no readable " + m.sourcePath()
                    + " any more (changed since it was parsed?)");
        }
        DexBackedClassDef c = image.classes().get(m.type());
        if (c == null) {
            return MethodCode.unavailable(m.sourcePath() + " of " + m.input() + " does not define " + m.type()
                    + " any more (changed since it was parsed?)");
        }
        for (DexBackedMethod method : c.getMethods()) {
            if (method.getName().equals(m.name())
                    && SmaliText.descriptor(method.getParameterTypes(), method.getReturnType()).equals(m.descriptor())) {
                return render(c, method);
            }
        }
        return MethodCode.unavailable(m.type() + " in " + m.sourcePath() + " has no method " + m.name() + m.descriptor()
                + " any more (changed since it was parsed?)");
    }

    private static MethodCode render(DexBackedClassDef c, DexBackedMethod method) {
        BaksmaliOptions options = new BaksmaliOptions();
        ClassDefinition classDef = new ClassDefinition(options, c);
        StringWriter text = new StringWriter();
        try (BaksmaliWriter w = new BaksmaliWriter(text)) {
            if (method.getImplementation() == null) {
                MethodDefinition.writeEmptyMethodTo(w, method, classDef);
            } else {
                new MethodDefinition(classDef, method, method.getImplementation()).writeTo(w);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> lines = text.toString().lines().toList();
        return new MethodCode(MethodCode.BAKSMALI, 1, lines, null);
    }

    /** The parsed image holding the method, or null when the input has no such DEX. */
    private Image image(MethodLocation m) throws IOException {
        Path input = m.input();
        String key = input + "\0" + Files.size(input) + "\0" + Files.getLastModifiedTime(input).toMillis() + "\0"
                + m.sourcePath();
        synchronized (cache) {
            Image cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] bytes = "apk".equals(m.inputKind()) ? entry(input, m.sourcePath()) : dexFile(input, m.sourcePath());
        if (bytes == null || DexUnits.check(m.sourcePath(), bytes) != null) {
            return null;
        }
        DexBackedDexFile dex = new DexBackedDexFile(null, bytes);
        Map<String, DexBackedClassDef> classes = new HashMap<>();
        for (DexBackedClassDef c : dex.getClasses()) {
            classes.putIfAbsent(c.getType(), c);
        }
        Image image = new Image(dex, classes);
        synchronized (cache) {
            cache.put(key, image);
        }
        return image;
    }

    private static byte[] dexFile(Path input, String sourcePath) throws IOException {
        if (!input.getFileName().toString().equals(sourcePath) || Files.size(input) > DexUnits.MAX_DEX_BYTES) {
            return null;
        }
        return Files.readAllBytes(input);
    }

    private static byte[] entry(Path input, String name) throws IOException {
        try (ZipFile zip = new ZipFile(input.toFile())) {
            ZipEntry e = zip.getEntry(name);
            if (e == null || e.getSize() > DexUnits.MAX_DEX_BYTES) {
                return null;
            }
            try (InputStream in = zip.getInputStream(e)) {
                byte[] bytes = in.readNBytes((int) DexUnits.MAX_DEX_BYTES + 1);
                return bytes.length > DexUnits.MAX_DEX_BYTES ? null : bytes;
            }
        }
    }
}
