package dev.quiver.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The UI's files, read once from the jar: only the names listed in {@code ui/files.txt} exist, so
 * no request path can reach another resource or a file on disk ({@code /ui/../x},
 * {@code /ui/%2e%2e/x} and the like simply are not in the table).
 */
public final class StaticFiles {
    private static final String ROOT = "/dev/quiver/web/ui/";

    /** One file: its bytes, media type and entity tag. */
    public record File(byte[] bytes, String type, String etag) {
    }

    private final Map<String, File> files = new LinkedHashMap<>();

    private StaticFiles() {
    }

    /** The files listed in {@code files.txt}, each served at {@code /ui/NAME}; {@code index.html} also at {@code /}. */
    public static StaticFiles load() {
        StaticFiles s = new StaticFiles();
        String listing = new String(read("files.txt"), StandardCharsets.UTF_8);
        for (String line : listing.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            byte[] bytes = read(name);
            s.files.put("/ui/" + name, new File(bytes, type(name), etag(bytes)));
        }
        File index = s.files.get("/ui/index.html");
        if (index == null) {
            throw new IllegalStateException("ui/index.html missing from the quiver-web jar");
        }
        s.files.put("/", index);
        return s;
    }

    /** The file served at {@code path}, or null. */
    public File get(String path) {
        return files.get(path);
    }

    /** Every served path. */
    public java.util.Set<String> paths() {
        return files.keySet();
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("UI file " + name + " missing from the quiver-web jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (n.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        } else if (n.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (n.endsWith(".svg")) {
            return "image/svg+xml";
        } else if (n.endsWith(".png")) {
            return "image/png";
        } else if (n.endsWith(".json")) {
            return "application/json";
        }
        throw new IllegalStateException("no media type for UI file " + name);
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
