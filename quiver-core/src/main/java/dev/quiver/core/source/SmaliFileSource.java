package dev.quiver.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a method's code from the smali file the index was built from, at request time. Only files
 * under the recorded input are ever opened: the source path must be relative and stay inside the
 * input once normalized ({@code ../../etc/passwd} in a crafted database opens nothing). Lines are
 * counted as the parser counts them ({@code \n}, a trailing {@code \r} dropped), and the first line
 * must still be this method's {@code .method}: a file edited since the parse says so instead of
 * showing the wrong code.
 */
public final class SmaliFileSource implements MethodSource {
    /** Files above this are not read (the parser refuses them too). */
    static final long MAX_FILE_BYTES = 256L << 20;
    /** A method longer than this is cut, with a note (generated code has methods of 60k lines). */
    static final int MAX_LINES = 50_000;

    @Override
    public boolean reads(String kind) {
        return "smali".equals(kind);
    }

    @Override
    public MethodCode code(MethodLocation m) {
        if (m.firstLine() <= 0 || m.lastLine() < m.firstLine()) {
            return MethodCode.unavailable("the index has no line numbers for this method");
        }
        Path file = file(m.input(), m.sourcePath());
        if (file == null) {
            return MethodCode.unavailable("the source path '" + m.sourcePath() + "' leaves the input "
                    + m.input() + "; not read");
        }
        if (!Files.exists(m.input())) {
            return MethodCode.unavailable("the input " + m.input() + " is not there any more (moved or deleted "
                    + "since it was parsed); serve the index where its input lives, or parse it again");
        }
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                return MethodCode.unavailable(file + " is not there any more, or not a regular file "
                        + "(moved since it was parsed?)");
            }
            List<String> lines = read(file, m.firstLine(), m.lastLine());
            if (lines.isEmpty() || !isMethodLine(lines.get(0), m.name(), m.descriptor())) {
                return MethodCode.unavailable(file + " changed since it was parsed: line " + m.firstLine()
                        + " is not the .method of " + m.name() + m.descriptor() + "; parse it again");
            }
            String note = null;
            if (lines.size() > MAX_LINES) {
                lines = lines.subList(0, MAX_LINES);
                note = "the method has " + (m.lastLine() - m.firstLine() + 1) + " lines; the first " + MAX_LINES
                        + " are shown";
            }
            return new MethodCode(MethodCode.FILE, m.firstLine(), lines, note);
        } catch (NoSuchFileException e) {
            return MethodCode.unavailable(file + " is not there any more (moved since it was parsed?)");
        } catch (IOException e) {
            return MethodCode.unavailable("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * The file of {@code sourcePath} under {@code input}, or null when the path is absolute or
     * leaves the input. A single-file input is its own source.
     */
    static Path file(Path input, String sourcePath) {
        if (sourcePath == null || sourcePath.isEmpty()) {
            return null;
        }
        Path rel;
        try {
            rel = Path.of(sourcePath);
        } catch (RuntimeException e) {
            return null;
        }
        if (rel.isAbsolute() || rel.getRoot() != null) {
            return null;
        }
        for (Path part : rel) {
            if (part.toString().equals("..")) {
                return null;
            }
        }
        if (Files.isRegularFile(input, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(input)) {
            Path name = input.getFileName();
            return name != null && rel.equals(name) ? input : null;
        }
        Path root = input.normalize();
        Path file = root.resolve(rel).normalize();
        return file.startsWith(root) && !file.equals(root) ? file : null;
    }

    /** Lines {@code first..last} (1-based, inclusive), split on {@code \n} as the parser does. */
    private static List<String> read(Path file, int first, int last) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            int lineNo = 1;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        if (lineNo >= first) {
                            out.add(decode(line));
                        }
                        line.reset();
                        if (++lineNo > last) {
                            return out;
                        }
                    } else if (lineNo >= first) {
                        line.write(buf[i]);
                    }
                }
            }
            if (lineNo >= first && lineNo <= last && line.size() > 0) {
                out.add(decode(line));
            }
        }
        return out;
    }

    private static String decode(java.io.ByteArrayOutputStream line) {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** {@code .method public foo(I)V}, the name possibly between backticks. */
    static boolean isMethodLine(String line, String name, String descriptor) {
        String t = line.strip();
        if (!t.startsWith(".method")) {
            return false;
        }
        return t.replace("`", "").endsWith(" " + name + descriptor);
    }
}
