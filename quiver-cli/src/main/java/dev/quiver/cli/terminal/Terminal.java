package dev.quiver.cli.terminal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What Quiver knows about the user's terminal: the one place that asks. */
public final class Terminal {
    private static final int DEFAULT_WIDTH = 120;

    private Terminal() {
    }

    /** True when standard output is a terminal (Linux: {@code /proc/self/fd/1} is a tty device). */
    public static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    /** True when standard input is a terminal (a person typing), not a file or a pipe. */
    public static boolean stdinIsTerminal() {
        return isTerminal(0);
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** True when stdin/stdout are a terminal and progress is not turned off ({@code QUIVER_NO_PROGRESS}). */
    public static boolean interactive() {
        return System.console() != null && System.getenv("QUIVER_NO_PROGRESS") == null;
    }

    /** The terminal's width: {@code $COLUMNS}, else {@code stty size} on {@code /dev/tty}, else 120. */
    public static int width(Map<String, String> env) {
        String c = env.get("COLUMNS");
        if (c != null && c.matches("\\d+")) {
            return Integer.parseInt(c);
        }
        try {
            Process p = new ProcessBuilder("stty", "size")
                    .redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor();
            String[] parts = out.split("\\s+");
            if (parts.length == 2 && parts[1].matches("\\d+")) {
                return Integer.parseInt(parts[1]);
            }
        } catch (IOException e) {
            return DEFAULT_WIDTH;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_WIDTH;
    }
}
