package dev.quiver.search.match;

/**
 * Decodes one line of UTF-8 to UTF-16 for the Unicode regex, remembering the byte offset of
 * every char so matches can be mapped back to bytes. A malformed byte becomes U+FFFD.
 */
final class Utf8Line implements CharSequence {
    private char[] chars = new char[256];
    private int[] offsets = new int[257];
    private int length;

    void decode(byte[] b, int from, int to) {
        int n = to - from;
        if (chars.length < n) {
            chars = new char[n];
            offsets = new int[n + 1];
        }
        int o = 0;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            int need;
            int cp;
            if (c < 0x80) {
                chars[o] = (char) c;
                offsets[o++] = i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                cp = c & 0x1F;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                cp = c & 0x0F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                cp = c & 0x07;
            } else {
                chars[o] = '\uFFFD';
                offsets[o++] = i++;
                continue;
            }
            boolean ok = i + need < to;
            int k = 1;
            for (; ok && k <= need; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (ok && (cp < (need == 2 ? 0x800 : need == 3 ? 0x10000 : 0) || cp > 0x10FFFF
                    || (cp >= 0xD800 && cp <= 0xDFFF))) {
                ok = false;
            }
            if (!ok) {
                chars[o] = '\uFFFD';
                offsets[o++] = i++;
                continue;
            }
            if (cp >= 0x10000) {
                chars[o] = Character.highSurrogate(cp);
                offsets[o++] = i;
                chars[o] = Character.lowSurrogate(cp);
                offsets[o++] = i;
            } else {
                chars[o] = (char) cp;
                offsets[o++] = i;
            }
            i += need + 1;
        }
        offsets[o] = to;
        length = o;
    }

    /** The byte offset of char index {@code i} (i == length gives the line end). */
    int byteOffset(int i) {
        return offsets[i];
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
