package dev.quiver.search.searcher;

import java.nio.file.Path;

/**
 * One file to search.
 *
 * @param path     where to open it ({@code null} for standard input)
 * @param display  the path as printed (relative to the root as the user typed it)
 * @param explicit named on the command line (not found by walking)
 * @param size     the size the walk saw, or -1 when unknown (saves one {@code fstat} per file)
 */
public record FileEntry(Path path, String display, boolean explicit, long size) {
}
