package dev.quiver.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected output kept beside the test as {@code src/test/resources/golden/<dir>/<name>}.
 * Run with {@code -Dgolden.update=true} to rewrite them from the actual output (then review the
 * diff before committing). Goldens never hold row ids or absolute paths.
 */
public final class Goldens {
    private Goldens() {
    }

    /** Asserts {@code actual} equals the golden file, or rewrites it when updating. */
    public static void assertMatches(Class<?> test, String dir, String name, String actual) {
        Path source = Path.of("src/test/resources/golden", dir, name);
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.createDirectories(source.getParent());
                Files.writeString(source, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        String expected;
        try (var in = test.getResourceAsStream("/golden/" + dir + "/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file " + source + "; create it with -Dgolden.update=true");
            }
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(actual).as("golden %s (regenerate with -Dgolden.update=true)", source).isEqualTo(expected);
    }
}
