package dev.quiver.search.match;

import java.util.Arrays;

/** The matches on one line (or multiline block): byte offsets into the buffer, plus replacements. */
public final class Spans {
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private byte[][] replaced = new byte[16][];
    private int count;

    private String[] groups = new String[0];

    public void clear() {
        count = 0;
        groups = new String[0];
    }

    /** Capture groups 1..n of the first match (Black Arrow's pipe mode), when asked for. */
    public String[] groups() {
        return groups;
    }

    public void groups(String[] g) {
        groups = g;
    }

    public void add(int start, int end, byte[] replacement) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            replaced = Arrays.copyOf(replaced, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        replaced[count] = replacement;
        count++;
    }

    public int count() {
        return count;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** Replacement bytes of match {@code i}, or null when no replacement was asked for. */
    public byte[] replacement(int i) {
        return replaced[i];
    }

    /** Shifts every offset by {@code delta} (used when a buffer is rolled). */
    public void shift(int delta) {
        for (int i = 0; i < count; i++) {
            starts[i] += delta;
            ends[i] += delta;
        }
    }
}
