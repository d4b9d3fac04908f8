package dev.quiver.search.edit;

/** A place to open in an editor: the first match of a file, for {@code --edit}. */
public record EditTarget(String path, long line, long column) {
}
