import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read floor of a Java 17 search: walk a tree and read every regular file once, on N threads,
 * and do nothing with the bytes (no matching, no output). No Java tool that searches the tree can
 * be faster than this program; bench/floors.sh times it beside {@code rg}.
 *
 * <p>Usage: {@code java ReadFloor.java DIR THREADS} (bench/floors.sh compiles it first so that
 * compilation is not timed). Prints the number of files and bytes read.
 */
public final class ReadFloor {
    private static final Path END = Path.of("");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        BlockingQueue<Path> queue = new ArrayBlockingQueue<>(4096);
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        Thread[] readers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            readers[i] = new Thread(() -> {
                ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
                long n = 0;
                long b = 0;
                try {
                    for (Path p = queue.take(); p != END; p = queue.take()) {
                        try (FileChannel ch = FileChannel.open(p)) {
                            for (int r = ch.read(buf); r > 0; r = ch.read(buf)) {
                                b += r;
                                buf.clear();
                            }
                            n++;
                        } catch (IOException e) {
                            System.err.println(p + ": " + e.getMessage());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                files.addAndGet(n);
                bytes.addAndGet(b);
            });
            readers[i].start();
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    try {
                        queue.put(file);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return FileVisitResult.TERMINATE;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                System.err.println(file + ": " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        for (int i = 0; i < threads; i++) {
            queue.put(END);
        }
        for (Thread t : readers) {
            t.join();
        }
        System.out.println(files + " files, " + bytes + " bytes");
    }
}
