package dev.quiver.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Text fixtures by naming convention: {@code src/test/resources/smali/<TestClass>/<case>.smali}. */
public final class Fixtures {
    private Fixtures() {
    }

    public static byte[] smali(Class<?> test, String name) {
        String resource = "/smali/" + test.getSimpleName() + "/" + name + ".smali";
        try (InputStream in = test.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
