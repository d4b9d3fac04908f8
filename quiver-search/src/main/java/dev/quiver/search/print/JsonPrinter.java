package dev.quiver.search.print;

import dev.quiver.search.match.Bytes;
import dev.quiver.search.match.Spans;
import dev.quiver.search.searcher.FileEntry;
import dev.quiver.search.searcher.FileResult;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ripgrep's JSON Lines: {@code begin}, {@code match}, {@code context}, {@code end} per file with
 * a match, and a final {@code summary} (written by {@link #summary}). Text that is not valid UTF-8
 * is given as {@code {"bytes": base64}}, as ripgrep does. There is no group separator: JSON
 * readers see the line numbers.
 */
public final class JsonPrinter extends Printer {
    private boolean begun;
    private long bytesPrinted;

    @Override
    public void begin(FileEntry f) {
        super.begin(f);
        begun = false;
    }

    @Override
    public boolean needsSpans() {
        return true;
    }

    private void beginIfNeeded() {
        if (!begun) {
            begun = true;
            out.write("{\"type\":\"begin\",\"data\":{\"path\":");
            text(file.display());
            out.write("}}\n");
        }
    }

    @Override
    public void match(byte[] buf, long base, int ls, int le, long lineNumber, Spans spans) {
        line("match", buf, base, ls, le, lineNumber, spans);
    }

    @Override
    public void context(byte[] buf, long base, int ls, int le, long lineNumber) {
        line("context", buf, base, ls, le, lineNumber, null);
    }

    private void line(String type, byte[] buf, long base, int ls, int le, long lineNumber, Spans spans) {
        beginIfNeeded();
        int start = out.size();
        int end = le < buf.length && le >= 0 && hasNewlineAt(buf, le) ? le + 1 : le;
        out.write("{\"type\":\"").write(type).write("\",\"data\":{\"path\":");
        text(file.display());
        out.write(",\"lines\":");
        bytes(buf, ls, end);
        out.write(",\"line_number\":").writeNumber(lineNumber);
        out.write(",\"absolute_offset\":").writeNumber(base + ls);
        out.write(",\"submatches\":[");
        if (spans != null) {
            boolean first = true;
            for (int i = 0; i < spans.count(); i++) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write("{\"match\":");
                bytes(buf, spans.start(i), spans.end(i));
                if (spans.replacement(i) != null) {
                    out.write(",\"replacement\":");
                    bytes(spans.replacement(i), 0, spans.replacement(i).length);
                }
                out.write(",\"start\":").writeNumber(spans.start(i) - ls);
                out.write(",\"end\":").writeNumber(spans.end(i) - ls).write('}');
            }
        }
        out.write("]}}\n");
        bytesPrinted += out.size() - start;
    }

    private boolean hasNewlineAt(byte[] buf, int i) {
        return buf[i] == '\n';
    }

    @Override
    public void binaryMatch(long nulOffset) {
        beginIfNeeded();
    }

    @Override
    public void end(FileResult r, long elapsedNanos) {
        if (!begun && !r.matched()) {
            return;
        }
        beginIfNeeded();
        out.write("{\"type\":\"end\",\"data\":{\"path\":");
        text(file.display());
        if (r.binaryOffset() >= 0) {
            out.write(",\"binary_offset\":").writeNumber(r.binaryOffset());
        } else {
            out.write(",\"binary_offset\":null");
        }
        out.write(",\"stats\":{");
        elapsed("elapsed", elapsedNanos);
        out.write(",\"searches\":1,\"searches_with_match\":").writeNumber(r.matched() ? 1 : 0);
        out.write(",\"bytes_searched\":").writeNumber(r.bytes());
        out.write(",\"bytes_printed\":").writeNumber(bytesPrinted);
        out.write(",\"matched_lines\":").writeNumber(r.matchedLines());
        out.write(",\"matches\":").writeNumber(r.matches()).write("}}}\n");
        bytesPrinted = 0;
    }

    /** The final summary line. */
    public static byte[] summary(long elapsedNanos, long searches, long withMatch, long bytesSearched,
                                 long bytesPrinted, long matchedLines, long matches) {
        JsonPrinter p = new JsonPrinter();
        ByteBuf o = p.out;
        o.write("{\"data\":{");
        p.elapsed("elapsed_total", elapsedNanos);
        o.write(",\"stats\":{\"bytes_printed\":").writeNumber(bytesPrinted);
        o.write(",\"bytes_searched\":").writeNumber(bytesSearched).write(',');
        p.elapsed("elapsed", elapsedNanos);
        o.write(",\"matched_lines\":").writeNumber(matchedLines);
        o.write(",\"matches\":").writeNumber(matches);
        o.write(",\"searches\":").writeNumber(searches);
        o.write(",\"searches_with_match\":").writeNumber(withMatch);
        o.write("}},\"type\":\"summary\"}\n");
        return o.toByteArray();
    }

    private void elapsed(String name, long nanos) {
        out.write('"').write(name).write("\":{\"secs\":").writeNumber(nanos / 1_000_000_000L);
        out.write(",\"nanos\":").writeNumber(nanos % 1_000_000_000L);
        out.write(",\"human\":\"").write(String.format(java.util.Locale.ROOT, "%.6fs", nanos / 1e9)).write("\"}");
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write("{\"text\":");
        string(b, 0, b.length);
        out.write('}');
    }

    private void bytes(byte[] b, int from, int to) {
        if (Bytes.isAscii(b, from, to) || validUtf8(b, from, to)) {
            out.write("{\"text\":");
            string(b, from, to);
            out.write('}');
        } else {
            byte[] slice = java.util.Arrays.copyOfRange(b, from, to);
            out.write("{\"bytes\":\"").write(Base64.getEncoder().encodeToString(slice)).write("\"}");
        }
    }

    private static boolean validUtf8(byte[] b, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void string(byte[] b, int from, int to) {
        out.write('"');
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.write(String.format("\\u%04x", c));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }
}
