package dev.quiver.search.print;

import dev.quiver.search.match.Bytes;
import dev.quiver.search.match.Spans;
import dev.quiver.search.searcher.FileResult;

/**
 * The human and grep-compatible output of matching lines: {@code path:line:text} per line (or
 * grouped under a path heading on a terminal), context lines with {@code -} and {@code --}
 * between groups, {@code -o}, colours, the replacement preview and long lines cut to the terminal
 * width. Counts and file lists are {@link SummaryPrinter}'s, Black Arrow's pipe mode
 * {@link PipePrinter}'s.
 */
public final class StandardPrinter extends PathPrinter {
    private static final byte[] HEADING_SEPARATOR = {'\n'};
    private static final byte[] CONTEXT_SEPARATOR = {'-', '-', '\n'};

    private final boolean replacing;

    /**
     * @param withFilename resolved: print the path with each line
     * @param replacing    a replacement is shown instead of the matched text
     */
    public StandardPrinter(OutputOptions opt, boolean withFilename, boolean replacing) {
        super(opt, withFilename);
        this.replacing = replacing;
    }

    @Override
    public boolean needsSpans() {
        return opt.color() || opt.onlyMatching() || replacing || opt.maxColumns() > 0;
    }

    @Override
    public byte[] blockSeparator() {
        if (opt.heading()) {
            return HEADING_SEPARATOR;
        }
        return opt.before() > 0 || opt.after() > 0 ? CONTEXT_SEPARATOR : super.blockSeparator();
    }

    @Override
    public void match(byte[] buf, long base, int ls, int le, long lineNumber, Spans spans) {
        heading();
        if (opt.onlyMatching() && spans != null) {
            for (int i = 0; i < spans.count(); i++) {
                int s = spans.start(i);
                int e = spans.end(i);
                if (s == e) {
                    continue;
                }
                prefix(lineNumber + Bytes.countNewlines(buf, ls, s), ':');
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
        if (replacing && spans != null && Bytes.lineEnd(buf, ls, le) < le) {
            // a multiline match with a replacement: render the block, then split it into lines
            byte[] rendered = render(buf, ls, le, spans);
            int p = 0;
            while (true) {
                int nl = Bytes.indexOf(rendered, (byte) '\n', p, rendered.length);
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
        heading();
        prefix(lineNumber, '-');
        text(buf, ls, le, null);
        out.write('\n');
    }

    @Override
    public void contextBreak() {
        out.write(CONTEXT_SEPARATOR);
    }

    @Override
    public void end(FileResult r, long elapsedNanos) {
        // everything was printed line by line
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

    private static int charStart(byte[] b, int floor, int i) {
        while (i > floor && (b[i] & 0xC0) == 0x80) {
            i--;
        }
        return i;
    }
}
