package dev.quiver.search.print;

import dev.quiver.search.print.OutputOptions.Mode;
import dev.quiver.search.match.Bytes;
import dev.quiver.search.match.Spans;
import dev.quiver.search.searcher.FileResult;
import java.nio.charset.StandardCharsets;

/**
 * The human and grep-compatible output: {@code path:line:text} per line (or grouped under a path
 * heading on a terminal), context lines with {@code -}, {@code -o}, replacement preview, counts,
 * file lists and Black Arrow's pipe mode.
 */
public final class StandardPrinter extends Printer {
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] HEADING_SEPARATOR = {'\n'};
    private static final byte[] CONTEXT_SEPARATOR = {'-', '-', '\n'};

    private final OutputOptions opt;
    private final boolean withFilename;
    private final boolean replacing;
    private byte[] path;
    private boolean headingWritten;

    /**
     * @param withFilename resolved: print the path with each line
     * @param replacing    a replacement is shown instead of the matched text
     */
    public StandardPrinter(OutputOptions opt, boolean withFilename, boolean replacing) {
        this.opt = opt;
        this.withFilename = withFilename;
        this.replacing = replacing;
    }

    @Override
    public void begin(dev.quiver.search.searcher.FileEntry f) {
        super.begin(f);
        path = null; // encoded when first printed: most files print nothing
        headingWritten = false;
    }

    private byte[] path() {
        if (path == null) {
            path = file.display().getBytes(StandardCharsets.UTF_8);
        }
        return path;
    }

    @Override
    public boolean needsSpans() {
        return opt.color() || opt.onlyMatching() || replacing || opt.mode() == Mode.PIPE || opt.maxColumns() > 0;
    }

    @Override
    public boolean wantsLines() {
        return opt.mode() == Mode.LINES || opt.mode() == Mode.PIPE;
    }

    @Override
    public byte[] blockSeparator() {
        if (opt.mode() != Mode.LINES) {
            return EMPTY;
        }
        if (opt.heading()) {
            return HEADING_SEPARATOR;
        }
        return opt.before() > 0 || opt.after() > 0 ? CONTEXT_SEPARATOR : EMPTY;
    }

    @Override
    public void match(byte[] buf, long base, int ls, int le, long lineNumber, Spans spans) {
        if (opt.mode() == Mode.PIPE) {
            pipeLine(buf, ls, le, lineNumber, spans);
            return;
        }
        heading();
        if (opt.onlyMatching() && spans != null) {
            for (int i = 0; i < spans.count(); i++) {
                int s = spans.start(i);
                int e = spans.end(i);
                if (s == e) {
                    continue;
                }
                prefix(lineNumber + countNewlines(buf, ls, s), ':');
                if (spans.replacement(i) != null) {
                    colored(spans.replacement(i), 0, spans.replacement(i).length);
                } else {
                    colored(buf, s, e);
                }
                out.write('\n');
            }
            return;
        }
        int a = ls;
        long n = lineNumber;
        if (replacing && spans != null && containsNewline(buf, ls, le)) {
            // a multiline match with a replacement: render the block, then split it into lines
            byte[] rendered = render(buf, ls, le, spans);
            int p = 0;
            while (true) {
                int nl = indexOf(rendered, p);
                prefix(n++, ':');
                out.write(rendered, p, nl < 0 ? rendered.length : nl);
                out.write('\n');
                if (nl < 0) {
                    break;
                }
                p = nl + 1;
            }
            return;
        }
        while (true) {
            int e = Bytes.lineEnd(buf, a, le);
            prefix(n++, ':');
            text(buf, a, e, spans);
            out.write('\n');
            if (e >= le) {
                break;
            }
            a = e + 1;
        }
    }

    @Override
    public void context(byte[] buf, long base, int ls, int le, long lineNumber) {
        if (opt.mode() != Mode.LINES) {
            return;
        }
        heading();
        prefix(lineNumber, '-');
        text(buf, ls, le, null);
        out.write('\n');
    }

    @Override
    public void contextBreak() {
        if (opt.mode() == Mode.LINES) {
            out.write(CONTEXT_SEPARATOR);
        }
    }

    @Override
    public void binaryMatch(long nulOffset) {
        binaryLine("binary file matches", nulOffset);
    }

    @Override
    public void binaryStopped(long nulOffset) {
        binaryLine("WARNING: stopped searching binary file after match", nulOffset);
    }

    private void binaryLine(String what, long nulOffset) {
        if (opt.mode() == Mode.LINES || opt.mode() == Mode.PIPE) {
            heading();
            if (withFilename && !opt.heading()) {
                pathBytes();
                out.write(": ");
            }
            out.write(what + " (found \"\\0\" byte around offset " + nulOffset + ")\n");
        }
    }

    @Override
    public void end(FileResult r, long elapsedNanos) {
        switch (opt.mode()) {
            case FILES_WITH_MATCHES -> {
                if (r.matched()) {
                    pathLine();
                }
            }
            case FILES_WITHOUT_MATCH -> {
                if (!r.matched() && !r.skipped()) {
                    pathLine();
                }
            }
            case COUNT, COUNT_MATCHES -> {
                long count = opt.mode() == Mode.COUNT ? r.groups() : r.matches();
                if (count > 0) {
                    if (withFilename) {
                        pathBytes();
                        out.write(opt.nullSeparator() ? 0 : ':');
                    }
                    out.writeNumber(count).write('\n');
                }
            }
            default -> { }
        }
    }

    /** {@code --files}: one path per line. */
    public void fileName() {
        pathLine();
    }

    private void pathLine() {
        pathBytes();
        out.write(opt.nullSeparator() ? 0 : '\n');
    }

    private void pathBytes() {
        if (opt.color()) {
            out.write(Ansi.PATH).write(path()).write(Ansi.RESET);
        } else {
            out.write(path());
        }
    }

    private void heading() {
        if (opt.heading() && !headingWritten) {
            headingWritten = true;
            pathBytes();
            out.write(opt.nullSeparator() ? 0 : '\n');
        }
    }

    private void prefix(long lineNumber, char sep) {
        if (withFilename && !opt.heading()) {
            pathBytes();
            out.write(opt.nullSeparator() ? 0 : sep);
        }
        if (opt.lineNumbers()) {
            if (opt.color()) {
                out.write(Ansi.LINE).writeNumber(lineNumber).write(Ansi.RESET);
            } else {
                out.writeNumber(lineNumber);
            }
            out.write(sep);
        }
    }

    private void colored(byte[] b, int from, int to) {
        if (opt.color()) {
            out.write(Ansi.MATCH).write(b, from, to).write(Ansi.RESET);
        } else {
            out.write(b, from, to);
        }
    }

    /** One physical line's text, with matches coloured or replaced, cut to the terminal width. */
    private void text(byte[] buf, int ls, int le, Spans spans) {
        int from = ls;
        int to = le;
        boolean cutLeft = false;
        boolean cutRight = false;
        if (opt.maxColumns() > 0 && le - ls > opt.maxColumns()) {
            int first = -1;
            if (spans != null) {
                for (int i = 0; i < spans.count(); i++) {
                    if (spans.start(i) >= ls && spans.start(i) < le) {
                        first = spans.start(i);
                        break;
                    }
                }
            }
            if (first >= 0 && first - ls > opt.maxColumns() - 16) {
                from = charStart(buf, ls, Math.max(ls, first - 16));
                cutLeft = true;
            }
            to = charStart(buf, from, Math.min(le, from + opt.maxColumns()));
            cutRight = to < le;
        }
        if (cutLeft) {
            out.write("...");
        }
        if (spans == null || spans.count() == 0 || (!opt.color() && !replacing)) {
            out.write(buf, from, to);
        } else {
            int p = from;
            for (int i = 0; i < spans.count(); i++) {
                int st = spans.start(i);
                if (st < p || st > to || (st == to && to < le)) {
                    continue;
                }
                int en = Math.min(spans.end(i), to);
                out.write(buf, p, st);
                if (spans.replacement(i) != null) {
                    colored(spans.replacement(i), 0, spans.replacement(i).length);
                } else if (en > st) {
                    colored(buf, st, en);
                }
                p = Math.min(Math.max(spans.end(i), st), to);
            }
            if (p < to) {
                out.write(buf, p, to);
            }
        }
        if (cutRight) {
            out.write("...");
        }
    }

    private static byte[] render(byte[] buf, int ls, int le, Spans spans) {
        ByteBuf r = new ByteBuf();
        int p = ls;
        for (int i = 0; i < spans.count(); i++) {
            if (spans.start(i) < p) {
                continue;
            }
            r.write(buf, p, spans.start(i));
            r.write(spans.replacement(i));
            p = spans.end(i);
        }
        r.write(buf, p, Math.max(p, le));
        return r.toByteArray();
    }

    /** Black Arrow's pipe mode, with {@code |} and {@code \} escaped so the fields stay unambiguous. */
    private void pipeLine(byte[] buf, int ls, int le, long lineNumber, Spans spans) {
        byte[] pb = path();
        escaped(pb, 0, pb.length);
        out.write('|').writeNumber(lineNumber).write('|');
        if (spans != null && spans.count() > 0) {
            escaped(buf, spans.start(0), spans.end(0));
        }
        out.write('|');
        int s = ls;
        int e = le;
        while (s < e && isSpace(buf[s])) {
            s++;
        }
        while (e > s && isSpace(buf[e - 1])) {
            e--;
        }
        escaped(buf, s, e);
        out.write('|');
        if (spans != null) {
            String[] g = spans.groups();
            for (int i = 0; i < g.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                byte[] gb = g[i].getBytes(StandardCharsets.UTF_8);
                escaped(gb, 0, gb.length);
            }
        }
        out.write('\n');
    }

    private void escaped(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '|' || b[i] == '\\') {
                out.write('\\');
            }
            out.write(b[i]);
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B;
    }

    private static int charStart(byte[] b, int floor, int i) {
        while (i > floor && (b[i] & 0xC0) == 0x80) {
            i--;
        }
        return i;
    }

    private static boolean containsNewline(byte[] b, int from, int to) {
        return Bytes.lineEnd(b, from, to) < to;
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static long countNewlines(byte[] b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
