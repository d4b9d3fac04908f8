package dev.quiver.search.match;

import java.nio.charset.StandardCharsets;

/** Conversions between a pattern literal held as one char per UTF-8 byte and its bytes. */
final class Latin1 {
    private Latin1() {
    }

    static byte[] bytes(String oneCharPerByte) {
        return oneCharPerByte.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String string(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
