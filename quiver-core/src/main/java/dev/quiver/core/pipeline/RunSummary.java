package dev.quiver.core.pipeline;

/**
 * What a pipeline run did; printed by front ends and turned into an exit code.
 *
 * @param units units of work (a .smali file, or a range of classes of a DEX file)
 * @param files source files read (a DEX file split into several units counts once)
 * @param inputs       inputs indexed (a folder of samples gives one per sample)
 * @param notAndroid   files in folders of samples that are not Android code (skipped, not problems)
 * @param duplicates   inputs skipped because an earlier input of the same run has the same SHA-256
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
        double seconds,
        long inputs,
        long notAndroid,
        long duplicates) {

    /** The same summary with another duration (e.g. including the output's final steps). */
    public RunSummary withSeconds(double s) {
        return new RunSummary(units, files, bytes, lines, classes, methods, fields, calls, strings, fieldRefs, typeRefs,
                problems, s, inputs, notAndroid, duplicates);
    }

    /** The same summary with the count of files a folder walk skipped as not Android code. */
    public RunSummary withNotAndroid(long n) {
        return new RunSummary(units, files, bytes, lines, classes, methods, fields, calls, strings, fieldRefs, typeRefs,
                problems, seconds, inputs, n, duplicates);
    }

    public double megabytesPerSecond() {
        return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
    }
}
