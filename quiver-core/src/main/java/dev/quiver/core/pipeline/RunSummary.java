package dev.quiver.core.pipeline;

/**
 * What a pipeline run did; printed by front ends and turned into an exit code.
 *
 * @param units units of work (a .smali file, or a range of classes of a DEX file)
 * @param files source files read (a DEX file split into several units counts once)
 */
public record RunSummary(
        long units,
        long files,
        long bytes,
        long lines,
        long classes,
        long methods,
        long fields,
        long calls,
        long strings,
        long fieldRefs,
        long typeRefs,
        long problems,
        double seconds) {

    /** The same summary with another duration (e.g. including the output's final steps). */
    public RunSummary withSeconds(double s) {
        return new RunSummary(units, files, bytes, lines, classes, methods, fields, calls, strings, fieldRefs, typeRefs,
                problems, s);
    }

    public double megabytesPerSecond() {
        return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
    }
}
