package dev.quiver.search.match;

import java.util.List;

/** Any of several prefilters (one per alternative); each one's next position is cached. */
final class AnyPrefilter implements Prefilter {
    private final List<Prefilter> parts;

    AnyPrefilter(List<Prefilter> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public Scanner scanner(byte[] bytes, int length) {
        Scanner[] scanners = new Scanner[parts.size()];
        int[] cached = new int[parts.size()];
        for (int i = 0; i < scanners.length; i++) {
            scanners[i] = parts.get(i).scanner(bytes, length);
            cached[i] = -2;
        }
        return (from, to) -> {
            int best = -1;
            for (int i = 0; i < scanners.length; i++) {
                if (cached[i] == -1) {
                    continue;
                }
                if (cached[i] < from) {
                    cached[i] = scanners[i].next(from, length);
                }
                if (cached[i] >= 0 && (best < 0 || cached[i] < best)) {
                    best = cached[i];
                }
            }
            return best >= 0 && best < to ? best : -1;
        };
    }

    @Override
    public String toString() {
        return "any of " + parts;
    }
}
