package dev.quiver.core.pipeline;

/** What a pipeline run did; printed by front ends and turned into an exit code. */
public record RunSummary(
        long units,
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

    public double megabytesPerSecond() {
        return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
    }
}
