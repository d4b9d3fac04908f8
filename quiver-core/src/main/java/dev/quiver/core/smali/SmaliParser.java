package dev.quiver.core.smali;

import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.model.Problem;
import dev.quiver.core.model.Problem.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads one .smali file into a {@link ParsedUnit}.
 *
 * <p>A line scanner with block state, not a regex chain: each line is classified by its first token
 * only, so string contents ({@code "….class…"}) can never be mistaken for directives, and the
 * contents of annotation and payload blocks are skipped as blocks. Anything that is not valid smali
 * becomes a {@link Problem} with its line; parsing always goes on with the next line.
 *
 * <p>The work is split as smali's own lexer, grammar and tree walker split it: {@link SmaliLine} reads
 * tokens, {@link Directives} and {@link Instructions} read what lines mean, and {@link UnitBuilder},
 * {@link ClassBuilder} and {@link MethodBuilder} build the result.
 *
 * <p>Thread-safe: all per-file state lives in objects created per call.
 */
public final class SmaliParser {
    /** Parses {@code bytes} (the whole file) as smali. Never throws for bad input. */
    public ParsedUnit parse(String path, byte[] bytes) {
        int nul = indexOfNul(bytes);
        if (nul >= 0) {
            int line = lineOfOffset(bytes, nul);
            return ParsedUnit.failed(path, bytes.length,
                    new Problem(Kind.BINARY, path, line, "binary file (NUL byte at line " + line + "); not parsed"));
        }
        UnitBuilder unit = new UnitBuilder(path);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            reportMalformedUtf8(unit, bytes);
        }
        SmaliLine line = new SmaliLine(text);
        Directives directives = new Directives(line, unit);
        Instructions instructions = new Instructions(line, unit);
        while (line.next()) {
            line.skipSpace();
            if (line.atEnd()) {
                continue;
            }
            char c = line.peek();
            if (c == '#' || directives.blockLine(c)) {
                continue;
            }
            if (c == '.') {
                directives.directive();
            } else if (c == ':') {
                instructions.label();
            } else {
                instructions.instruction();
            }
        }
        directives.endOfFile(line.number());
        return unit.finish(bytes.length, line.number());
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lineOfOffset(byte[] b, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < b.length; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** U+FFFD in the decoded text may be genuine; a strict decode tells, and where. */
    private static void reportMalformedUtf8(UnitBuilder unit, byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            strict.decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            // Find the first bad byte by decoding prefixes line by line (rare path).
            int lineStart = 0;
            int line = 1;
            for (int i = 0; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == '\n') {
                    try {
                        strict.reset().decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart));
                    } catch (CharacterCodingException bad) {
                        unit.problem(Kind.ENCODING, line, "bytes that are not valid UTF-8 (first at line " + line
                                + "); decoded as U+FFFD and parsed");
                        return;
                    }
                    lineStart = i + 1;
                    line++;
                }
            }
            unit.problem(Kind.ENCODING, 0, "bytes that are not valid UTF-8; decoded as U+FFFD and parsed");
        }
    }
}
