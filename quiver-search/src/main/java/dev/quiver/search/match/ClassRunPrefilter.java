package dev.quiver.search.match;

/**
 * Looks for a run of at least {@code k} consecutive bytes of one set (from a pattern such as
 * {@code [0-9a-f]{32}}). Only every k-th byte is inspected until one belongs to the set, so long
 * runs are found in about n/k steps.
 */
final class ClassRunPrefilter implements Prefilter {
    private final boolean[] set;
    private final int k;

    ClassRunPrefilter(boolean[] set, int k) {
        this.set = set.clone();
        this.k = k;
    }

    @Override
    public Scanner scanner(byte[] b, int length) {
        final boolean[] s = set;
        return (from, to) -> {
            int j = from + k - 1;
            while (j < to) {
                if (!s[b[j] & 0xff]) {
                    j += k;
                    continue;
                }
                int back = 0;
                while (back < k - 1 && j - back - 1 >= from && s[b[j - back - 1] & 0xff]) {
                    back++;
                }
                int need = k - 1 - back;
                int fwd = 0;
                while (fwd < need && j + fwd + 1 < to && s[b[j + fwd + 1] & 0xff]) {
                    fwd++;
                }
                if (fwd == need) {
                    return j + need;
                }
                j = j + fwd + 1 + k;
            }
            return -1;
        };
    }

    @Override
    public String toString() {
        return "run of " + k;
    }
}
