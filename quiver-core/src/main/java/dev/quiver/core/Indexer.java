package dev.quiver.core;

import dev.quiver.core.pipeline.IndexPipeline;
import dev.quiver.core.pipeline.IndexSink;
import dev.quiver.core.pipeline.InputFormats;
import dev.quiver.core.pipeline.ProgressListener;
import dev.quiver.core.pipeline.RunSummary;
import dev.quiver.core.pipeline.SampleFolder;
import dev.quiver.core.query.App;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.store.InputRemoval;
import dev.quiver.core.store.JsonIndexWriter;
import dev.quiver.core.store.SqliteIndexWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The one entry point for building an index; every front end (parse, parser, shell) calls this. */
public final class Indexer {
    /** Output formats. */
    public enum Format { SQLITE, JSON }

    /**
     * What to index and where to.
     *
     * @param inputs smali directories or files (or DEX/APK when quiver-dex is on the class path); a directory
     *               holding APK/DEX samples is a folder of samples ({@link SampleFolder})
     * @param output the database or JSON file to write (replaced atomically, or extended with append)
     * @param format SQLITE or JSON
     * @param append add to an existing SQLite database instead of replacing it
     * @param jobs   worker threads (1 = everything on the calling thread)
     * @param suffix file-name suffix of smali files
     */
    public record Request(List<Path> inputs, Path output, Format format, boolean append, int jobs, String suffix) {
        public Request {
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(format, "format");
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("no input given");
            }
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1");
            }
            if (append && format != Format.SQLITE) {
                throw new IllegalArgumentException("--append works only with the sqlite format");
            }
        }
    }

    private Indexer() {
    }

    /** The default number of workers: all cores, capped at 32. */
    public static int defaultJobs() {
        return Math.max(1, Math.min(32, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Validates every input first (a typo fails before any work), then indexes them all into a new
     * output that replaces {@code request.output()} only when everything was written.
     */
    public static RunSummary index(Request request, ProgressListener progress) throws IOException, InterruptedException {
        InputFormats formats = new InputFormats(request.suffix());
        List<IndexPipeline.Input> inputs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long notAndroid = 0;
        for (Path given : request.inputs()) {
            formats.forPath(given); // a missing or unreadable path fails here, before any work
            List<Path> expanded = List.of(given);
            if (Files.isDirectory(given)) {
                SampleFolder.Expansion x = SampleFolder.expand(given, formats, formats.smaliSuffix());
                expanded = x.inputs();
                notAndroid += x.notAndroid();
            }
            for (Path p : expanded) {
                String display = p.toAbsolutePath().normalize().toString();
                if (seen.add(display)) {
                    inputs.add(new IndexPipeline.Input(p, display, formats.forPath(p)));
                } else {
                    progress.note(display + ": given more than once; indexed once");
                }
            }
        }
        if (Files.isDirectory(request.output())) {
            throw new IOException(request.output() + " is a directory; give a file name with -o");
        }
        long start = System.nanoTime();
        try (IndexSink sink = request.format() == Format.JSON
                ? new JsonIndexWriter(request.output())
                : new SqliteIndexWriter(request.output(), request.append(), request.jobs() > 1)) {
            RunSummary s = new IndexPipeline(request.jobs(), progress).run(inputs, sink);
            progress.finishing();
            sink.commit();
            if (sink instanceof SqliteIndexWriter w) {
                w.notes().forEach(progress::note);
            }
            // The time a user waits: reading, writing, indexes and the final move.
            return s.withSeconds((System.nanoTime() - start) / 1e9).withNotAndroid(notAndroid);
        }
    }

    /**
     * Removes the inputs {@code selector} names (an id, path, file name, package or SHA-256 prefix, as
     * {@code --app}) from the database {@code db}, atomically (the database is rewritten under a temporary
     * name and moved into place). Returns the inputs removed.
     *
     * @param all remove every input the selector names; without it, a selector naming several is an error
     */
    public static List<App> remove(Path db, String selector, boolean all) throws IOException, QueryException {
        List<App> chosen = new ArrayList<>();
        try (Index index = Index.open(db)) {
            List<Long> ids = index.appIds(selector);
            for (App a : index.apps()) {
                if (ids.contains(a.id())) {
                    chosen.add(a);
                }
            }
        }
        if (chosen.size() > 1 && !all) {
            StringBuilder sb = new StringBuilder();
            for (App a : chosen) {
                sb.append(sb.length() == 0 ? "" : ", ").append(a.id()).append(" = ").append(a.path());
            }
            throw new QueryException(QueryException.Kind.BAD_REQUEST, "'" + selector + "' names " + chosen.size() + " inputs (" + sb
                    + "); give one id, or --all to remove them all");
        }
        List<Long> ids = new ArrayList<>();
        for (App a : chosen) {
            ids.add(a.id());
        }
        InputRemoval.remove(db, ids);
        return chosen;
    }
}
