package dev.quiver.core.model;

import java.util.List;

/**
 * Everything read from one unit of work: one .smali file, or one range of classes of a DEX file.
 * Units are small, independent and immutable; the pipeline hands them to the sink in input order.
 *
 * @param path     the source path relative to its input root ({@code com/a/B.smali},
 *                 {@code classes2.dex}); the same for every unit of one DEX file
 * @param bytes    bytes read for this unit (0 for DEX class ranges after the first)
 * @param lines    lines read (0 for DEX input)
 * @param classes  classes defined, in source order
 * @param problems problems met, in source order
 */
public record ParsedUnit(String path, long bytes, long lines, List<ClassDef> classes, List<Problem> problems) {
    public ParsedUnit {
        classes = List.copyOf(classes);
        problems = List.copyOf(problems);
    }

    /** A unit that could not be read at all. */
    public static ParsedUnit failed(String path, long bytes, Problem problem) {
        return new ParsedUnit(path, bytes, 0, List.of(), List.of(problem));
    }
}
