package dev.quiver.search.replace;

/** Replace bytes {@code [start, end)} of the (decoded, UTF-8) file with {@code replacement}. */
public record Edit(long start, long end, byte[] replacement) {
}
