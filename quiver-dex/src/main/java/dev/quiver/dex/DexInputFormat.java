package dev.quiver.dex;

import dev.quiver.core.model.Problem;
import dev.quiver.core.model.Problem.Kind;
import dev.quiver.core.pipeline.InputFormat;
import dev.quiver.core.pipeline.UnitConsumer;
import dev.quiver.core.pipeline.WorkUnit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A single {@code .dex} file (recognised by its suffix or its {@code dex\n} magic). Its units are ranges of
 * classes; every unit's path is the file name.
 */
public final class DexInputFormat implements InputFormat {
    @Override
    public String name() {
        return "dex";
    }

    @Override
    public boolean accepts(Path input) {
        return Files.isRegularFile(input) && (input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dex")
                || startsWith(input, new byte[] {'d', 'e', 'x', '\n'}));
    }

    /** In a folder of samples: a file with the DEX magic, whatever its name. */
    @Override
    public boolean recognizes(Path file) {
        return Files.isRegularFile(file) && startsWith(file, new byte[] {'d', 'e', 'x', '\n'});
    }

    @Override
    public void enumerate(Path input, UnitConsumer out) throws IOException, InterruptedException {
        String name = input.getFileName().toString();
        long size = Files.size(input);
        if (size > DexUnits.MAX_DEX_BYTES) {
            out.expect(1, 0);
            out.accept(WorkUnit.failed(new Problem(Kind.SKIPPED, name, 0, "DEX file too large (" + size
                    + " bytes; the limit is " + DexUnits.MAX_DEX_BYTES + "); not read")));
            return;
        }
        DexUnits.enumerate(name, Files.readAllBytes(input), out);
    }

    /** Whether the file starts with {@code magic}; false when it cannot be read (the pipeline reports that). */
    static boolean startsWith(Path file, byte[] magic) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(magic.length), magic);
        } catch (IOException e) {
            return false;
        }
    }
}
