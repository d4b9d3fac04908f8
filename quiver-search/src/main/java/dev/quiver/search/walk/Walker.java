package dev.quiver.search.walk;

import dev.quiver.search.report.Reporter;
import dev.quiver.search.searcher.FileEntry;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the roots in parallel: N named threads share one stack of work (directories to list and
 * files to search). A worker that lists a directory pushes its children; files are handed to the
 * {@link Visitor} on the worker thread that pops them. Completion is explicit: the walk ends when
 * the count of outstanding work reaches zero (no timeouts, no poison pills).
 */
public final class Walker {
    /** Receives each file to search, on a worker thread. */
    public interface Visitor {
        void visit(int worker, FileEntry file) throws IOException;
    }

    /** A root as the user typed it. */
    public record Root(Path path, String display) {
    }

    private final WalkOptions opt;
    private final PathFilter filter;
    private final Reporter reporter;
    private final WorkStack stack = new WorkStack();

    public Walker(WalkOptions opt, Reporter reporter) {
        this.opt = opt;
        this.filter = new PathFilter(opt);
        this.reporter = reporter;
    }

    /** Asks the workers to stop after their current file (closed pipe, first match found with -q). */
    public void stop() {
        stack.stop();
    }

    /**
     * Walks {@code roots} with {@code threads} threads, calling {@code visitor} for every file to
     * search. Returns when everything is done; rethrows an {@link Error} from a worker.
     */
    public void walk(List<Root> roots, int threads, Visitor visitor) throws InterruptedException {
        for (Root r : roots) {
            pushRoot(r);
        }
        stack.rootsPushed();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int id = i;
            Thread t = new Thread(() -> work(id, visitor), "quiver-search-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        joinAll(workers, this::stop);
        stack.rethrow();
    }

    /**
     * Waits for {@code workers}. When the waiting thread is interrupted (Ctrl-C in the shell),
     * {@code stop} asks them to finish their current file, and they are waited for before the
     * interrupt goes on: no worker prints after the search has returned.
     */
    public static void joinAll(List<Thread> workers, Runnable stop) throws InterruptedException {
        try {
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            stop.run();
            for (Thread t : workers) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException again) {
                        // keep waiting: the first interrupt is already being answered
                    }
                }
            }
            throw e;
        }
    }

    private void pushRoot(Root r) {
        if (r.path() == null) {
            stack.push(new FileEntry(null, r.display(), true, -1));
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(r.path(), BasicFileAttributes.class); // roots are followed
        } catch (IOException e) {
            reporter.error(r.display() + ": " + describe(e));
            return;
        }
        if (attrs.isDirectory()) {
            IgnoreStack ignores = opt.noIgnore() ? null : Ignores.aboveRoot(r.path(), reporter);
            Object key = opt.follow() ? attrs.fileKey() : null;
            stack.push(new DirTask(r.path(), r.display(), "", 0, ignores, Ancestors.EMPTY.with(key), Ignores.inRepo(r.path())));
        } else {
            stack.push(new FileEntry(r.path(), r.display(), true, attrs.isRegularFile() ? attrs.size() : -1));
        }
    }

    private void work(int id, Visitor visitor) {
        Object task;
        while ((task = stack.take()) != null) {
            try {
                if (task instanceof DirTask d) {
                    list(d);
                } else {
                    FileEntry f = (FileEntry) task;
                    try {
                        visitor.visit(id, f);
                    } catch (IOException e) {
                        reporter.error(f.display() + ": " + describe(e));
                    }
                }
            } catch (RuntimeException e) {
                reporter.error(String.valueOf(task) + ": " + e);
            } catch (Error e) {
                stack.fail(e);
            } finally {
                stack.finished();
            }
        }
    }

    private void list(DirTask d) {
        if (opt.maxDepth() >= 0 && d.depth >= opt.maxDepth()) {
            return;
        }
        List<Path> entries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<BasicFileAttributes> attrs = new ArrayList<>();
        boolean hasIgnoreFile = false;
        boolean hasGit = false;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d.path)) {
            SecureDirectoryStream<Path> sds = ds instanceof SecureDirectoryStream<Path> s ? s : null;
            for (Path p : ds) {
                Path fileName = p.getFileName();
                String name = fileName.toString();
                BasicFileAttributes a;
                try {
                    a = sds != null
                            ? sds.getFileAttributeView(fileName, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes()
                            : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue; // deleted since it was listed: nothing to search
                }
                entries.add(p);
                names.add(name);
                attrs.add(a);
                if (name.equals(".gitignore") || name.equals(".ignore") || name.equals(".rgignore")) {
                    hasIgnoreFile = true;
                } else if (name.equals(".git")) {
                    hasGit = true;
                }
            }
        } catch (IOException e) {
            reporter.error(d.display + ": " + describe(e));
            return;
        }
        boolean inRepo = d.inRepo || hasGit;
        IgnoreStack ignores = d.ignores;
        if ((hasIgnoreFile || hasGit) && !opt.noIgnore()) {
            ignores = Ignores.forDirectory(d.path, d.rel, inRepo, hasGit, ignores, reporter);
        }
        int childDepth = d.depth + 1;
        for (int i = 0; i < entries.size(); i++) {
            Path p = entries.get(i);
            BasicFileAttributes a = attrs.get(i);
            String name = names.get(i);
            String rel = d.rel.isEmpty() ? name : d.rel + "/" + name;
            String display = join(d.display, name);
            if (a.isSymbolicLink()) {
                if (!opt.follow()) {
                    continue;
                }
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (IOException e) {
                    reporter.error(display + ": " + describe(e));
                    continue;
                }
            }
            if (a.isDirectory()) {
                if (filter.skip(rel, name, true, ignores)) {
                    continue;
                }
                Ancestors anc = d.ancestors;
                if (opt.follow()) {
                    Object key = a.fileKey();
                    if (key != null && anc.contains(key)) {
                        reporter.error(display + ": file system loop found (a symbolic link points to an ancestor); not followed");
                        continue;
                    }
                    anc = anc.with(key);
                }
                stack.push(new DirTask(p, display, rel, childDepth, ignores, anc, inRepo));
            } else if (a.isRegularFile()) {
                if (filter.skip(rel, name, false, ignores)) {
                    continue;
                }
                stack.push(new FileEntry(p, display, false, a.size()));
            }
            // FIFOs, sockets and devices are skipped: opening a FIFO would block for ever
        }
    }

    static String join(String dir, String name) {
        if (dir.isEmpty()) {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** A short, readable reason for an I/O error ("Permission denied", "No such file or directory"). */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** A directory still to be listed. */
    private record DirTask(Path path, String display, String rel, int depth, IgnoreStack ignores,
                           Ancestors ancestors, boolean inRepo) {
    }

    /** The file keys of the directories above, to detect symlink loops when following links. */
    private record Ancestors(Object key, Ancestors parent) {
        static final Ancestors EMPTY = new Ancestors(null, null);

        Ancestors with(Object k) {
            return k == null ? this : new Ancestors(k, this);
        }

        boolean contains(Object k) {
            for (Ancestors a = this; a != null; a = a.parent) {
                if (k.equals(a.key)) {
                    return true;
                }
            }
            return false;
        }
    }
}
