package dev.quiver.core.manifest;

import dev.quiver.core.manifest.XmlElement.Attr;
import dev.quiver.core.manifest.XmlElement.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads Android's binary XML (AXML, the {@code ResXMLTree} format of a compiled {@code AndroidManifest.xml})
 * into an {@link XmlElement} tree. Attackers craft these files to break analysis tools, so every offset and
 * count is checked against the bytes that are there, unknown chunks are skipped by their size (as Android
 * does), and a corrupt or truncated file yields the elements read before the damage plus a problem saying
 * where it is, never an exception.
 *
 * <p>Chunks: a file chunk ({@code 0x0003}) holding a string pool ({@code 0x0001}, UTF-8 or UTF-16), a
 * resource map ({@code 0x0180}: the resource id of the first strings, which is how Android identifies
 * {@code android:} attributes), namespace starts/ends, element starts/ends and CDATA. Attribute values keep
 * their type: strings, booleans, integers and references ({@code @0x7f0a0001}).
 */
public final class BinaryXml {
    static final int RES_STRING_POOL = 0x0001;
    static final int RES_XML = 0x0003;
    static final int XML_START_NAMESPACE = 0x0100;
    static final int XML_END_NAMESPACE = 0x0101;
    static final int XML_START_ELEMENT = 0x0102;
    static final int XML_END_ELEMENT = 0x0103;
    static final int XML_CDATA = 0x0104;
    static final int XML_RESOURCE_MAP = 0x0180;

    static final int TYPE_NULL = 0x00;
    static final int TYPE_REFERENCE = 0x01;
    static final int TYPE_ATTRIBUTE = 0x02;
    static final int TYPE_STRING = 0x03;
    static final int TYPE_FLOAT = 0x04;
    static final int TYPE_DYNAMIC_REFERENCE = 0x07;
    static final int TYPE_DYNAMIC_ATTRIBUTE = 0x08;
    static final int TYPE_INT_DEC = 0x10;
    static final int TYPE_INT_HEX = 0x11;
    static final int TYPE_INT_BOOLEAN = 0x12;

    /** Deeper nesting than this is not a manifest; reading stops there. */
    static final int MAX_DEPTH = 128;
    /** Elements beyond this many are not read (real manifests have a few thousand at most). */
    static final int MAX_ELEMENTS = 200_000;
    private static final int MAX_PROBLEMS = 20;

    private final byte[] b;
    private final List<String> problems = new ArrayList<>();
    private int end;
    private StringPool pool;
    private int[] resourceIds = new int[0];

    private BinaryXml(byte[] bytes) {
        this.b = bytes;
    }

    /** Reads {@code bytes}; never throws for bad input. */
    public static XmlDocument read(byte[] bytes) {
        BinaryXml r = new BinaryXml(bytes);
        XmlElement root = r.run();
        return new XmlDocument(root, r.problems);
    }

    /** Whether {@code bytes} start like binary XML (a file chunk header) rather than text. */
    public static boolean looksBinary(byte[] bytes) {
        return bytes.length >= 8 && u16(bytes, 0) == RES_XML;
    }

    private XmlElement run() {
        if (b.length < 8) {
            problem("truncated binary XML: " + b.length + " bytes, less than a chunk header");
            return null;
        }
        int type = u16(b, 0);
        int headerSize = u16(b, 2);
        long size = u32(b, 4);
        if (type != RES_XML) {
            problem(String.format("not binary XML (first chunk type 0x%04x, expected 0x0003)", type));
            return null;
        }
        end = b.length;
        if (size > b.length) {
            problem("truncated binary XML: the header declares " + size + " bytes, there are " + b.length);
        } else if (size >= 8) {
            end = (int) size;
        }
        int pos = headerSize >= 8 && headerSize <= end ? headerSize : 8;
        XmlElement root = null;
        Deque<XmlElement> open = new ArrayDeque<>();
        int elements = 0;
        while (pos + 8 <= end) {
            int ctype = u16(b, pos);
            int chdr = u16(b, pos + 2);
            long csize = u32(b, pos + 4);
            if (csize < 8 || chdr < 8 || chdr > csize) {
                problem(String.format("corrupt chunk at offset %d (type 0x%04x, header %d, size %d); reading stopped",
                        pos, ctype, chdr, csize));
                break;
            }
            if (pos + csize > end) {
                problem(String.format("truncated chunk at offset %d (type 0x%04x declares %d bytes, %d remain); "
                        + "reading stopped", pos, ctype, csize, end - pos));
                break;
            }
            int cend = (int) (pos + csize);
            switch (ctype) {
                case RES_STRING_POOL -> {
                    if (pool == null) {
                        pool = StringPool.read(this, pos, chdr, cend);
                    } else {
                        problem("a second string pool at offset " + pos + "; ignored");
                    }
                }
                case XML_RESOURCE_MAP -> {
                    int n = (cend - pos - chdr) / 4;
                    resourceIds = new int[n];
                    for (int i = 0; i < n; i++) {
                        resourceIds[i] = (int) u32(b, pos + chdr + 4 * i);
                    }
                }
                case XML_START_ELEMENT -> {
                    if (open.size() >= MAX_DEPTH) {
                        problem("elements nested deeper than " + MAX_DEPTH + " at offset " + pos + "; reading stopped");
                        return root;
                    }
                    if (++elements > MAX_ELEMENTS) {
                        problem("more than " + MAX_ELEMENTS + " elements; reading stopped");
                        return root;
                    }
                    XmlElement e = element(pos, chdr, cend);
                    if (e == null) {
                        return root;
                    }
                    if (open.isEmpty()) {
                        if (root == null) {
                            root = e;
                        } else {
                            problem("a second root element <" + e.name() + "> at offset " + pos + "; ignored");
                        }
                    } else {
                        open.peek().children().add(e);
                    }
                    open.push(e);
                }
                case XML_END_ELEMENT -> {
                    if (open.isEmpty()) {
                        problem("an element end without a start at offset " + pos + "; ignored");
                    } else {
                        open.pop();
                    }
                }
                case XML_START_NAMESPACE, XML_END_NAMESPACE, XML_CDATA -> {
                    // Namespaces are resolved through each attribute's own URI index; text is not used.
                }
                default -> {
                    // Unknown chunk types are skipped by their size, as Android's parser does.
                }
            }
            pos = cend;
        }
        if (root == null && problems.isEmpty()) {
            problem("binary XML without any element");
        }
        return root;
    }

    /** A start-element chunk: {@code ResXMLTree_node} then {@code ResXMLTree_attrExt} and its attributes. */
    private XmlElement element(int pos, int chdr, int cend) {
        int ext = pos + chdr;
        if (ext + 20 > cend) {
            problem("element chunk at offset " + pos + " is too short for its header; reading stopped");
            return null;
        }
        int line = (int) Math.min(Integer.MAX_VALUE, u32(b, pos + 8));
        String name = string(u32(b, ext + 4));
        if (name == null) {
            problem("element at offset " + pos + " has no valid name; reading stopped");
            return null;
        }
        int attrStart = u16(b, ext + 8);
        int attrSize = u16(b, ext + 10);
        int attrCount = u16(b, ext + 12);
        XmlElement e = XmlElement.of(name, line);
        if (attrCount == 0) {
            return e;
        }
        if (attrSize < 20) {
            problem("element <" + name + "> at offset " + pos + " declares " + attrSize
                    + "-byte attributes (at least 20 needed); its attributes are not read");
            return e;
        }
        long attrsEnd = (long) ext + attrStart + (long) attrCount * attrSize;
        if (attrsEnd > cend) {
            problem("element <" + name + "> at offset " + pos + " declares " + attrCount
                    + " attributes that run past its chunk; its attributes are not read");
            return e;
        }
        for (int i = 0; i < attrCount; i++) {
            int a = ext + attrStart + i * attrSize;
            long nameIndex = u32(b, a + 4);
            String ns = string(u32(b, a));
            String attrName = string(nameIndex);
            int id = nameIndex < resourceIds.length ? resourceIds[(int) nameIndex] : 0;
            long raw = u32(b, a + 8);
            int dataType = b[a + 15] & 0xff;
            int data = (int) u32(b, a + 16);
            e.attributes().add(value(ns == null ? "" : ns, attrName == null ? "" : attrName, id, raw, dataType, data));
        }
        return e;
    }

    private Attr value(String ns, String name, int id, long raw, int type, int data) {
        return switch (type) {
            case TYPE_STRING -> {
                String s = string(Integer.toUnsignedLong(data));
                yield new Attr(ns, name, id, s != null ? s : stringOr(raw, ""), ValueType.STRING, data);
            }
            case TYPE_INT_BOOLEAN -> new Attr(ns, name, id, data != 0 ? "true" : "false", ValueType.BOOLEAN, data);
            case TYPE_INT_DEC -> new Attr(ns, name, id, Integer.toString(data), ValueType.INTEGER, data);
            case TYPE_INT_HEX -> new Attr(ns, name, id, "0x" + Integer.toHexString(data), ValueType.INTEGER, data);
            case TYPE_REFERENCE, TYPE_DYNAMIC_REFERENCE -> new Attr(ns, name, id,
                    data == 0 ? "@null" : String.format("@0x%08x", data), ValueType.REFERENCE, data);
            case TYPE_ATTRIBUTE, TYPE_DYNAMIC_ATTRIBUTE -> new Attr(ns, name, id, String.format("?0x%08x", data),
                    ValueType.REFERENCE, data);
            case TYPE_NULL -> new Attr(ns, name, id, stringOr(raw, ""), ValueType.OTHER, data);
            case TYPE_FLOAT -> new Attr(ns, name, id, Float.toString(Float.intBitsToFloat(data)), ValueType.OTHER, data);
            default -> new Attr(ns, name, id, stringOr(raw, String.format("0x%08x", data)), ValueType.OTHER, data);
        };
    }

    private String stringOr(long index, String fallback) {
        String s = string(index);
        return s != null ? s : fallback;
    }

    /** String {@code index} of the pool, or null (no pool, index out of range or 0xffffffff, bad bytes). */
    private String string(long index) {
        return pool == null || index < 0 || index >= pool.count ? null : pool.get((int) index);
    }

    void problem(String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(message);
        } else if (problems.size() == MAX_PROBLEMS) {
            problems.add("... more problems in this binary XML are not listed");
        }
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    /** A {@code ResStringPool}: offsets are checked when a string is read; strings are decoded once. */
    private static final class StringPool {
        private static final int UTF8_FLAG = 1 << 8;
        private final BinaryXml xml;
        private final int offsets;
        private final int strings;
        private final int end;
        private final boolean utf8;
        final int count;
        private final String[] cache;

        private StringPool(BinaryXml xml, int offsets, int strings, int end, boolean utf8, int count) {
            this.xml = xml;
            this.offsets = offsets;
            this.strings = strings;
            this.end = end;
            this.utf8 = utf8;
            this.count = count;
            this.cache = new String[count];
        }

        static StringPool read(BinaryXml xml, int pos, int chdr, int cend) {
            byte[] b = xml.b;
            if (chdr < 28) {
                xml.problem("string pool at offset " + pos + " has a " + chdr + "-byte header (28 expected); "
                        + "strings are not read");
                return new StringPool(xml, 0, 0, 0, false, 0);
            }
            long count = u32(b, pos + 8);
            long flags = u32(b, pos + 16);
            long stringsStart = u32(b, pos + 20);
            long room = (cend - pos - chdr) / 4;
            if (count > room) {
                xml.problem("string pool declares " + count + " strings but has room for " + room
                        + " offsets; the rest are missing");
                count = room;
            }
            long strings = pos + stringsStart;
            if (stringsStart > cend - pos) {
                xml.problem("string pool data starts past its chunk (offset " + strings + "); strings are not read");
                count = 0;
            }
            return new StringPool(xml, pos + chdr, (int) Math.min(strings, cend), cend, (flags & UTF8_FLAG) != 0,
                    (int) count);
        }

        String get(int i) {
            String s = cache[i];
            if (s == null) {
                s = decode(i);
                cache[i] = s;
            }
            return s;
        }

        private String decode(int i) {
            byte[] b = xml.b;
            long at = strings + u32(b, offsets + 4 * i);
            if (at >= end) {
                return bad(i);
            }
            int p = (int) at;
            if (utf8) {
                int[] n = new int[1];
                p = utf8Length(b, p, n); // length in UTF-16 units: not needed
                if (p < 0) {
                    return bad(i);
                }
                p = utf8Length(b, p, n);
                if (p < 0 || p + (long) n[0] > end) {
                    return bad(i);
                }
                return new String(b, p, n[0], StandardCharsets.UTF_8);
            }
            if (p + 2 > end) {
                return bad(i);
            }
            int len = u16(b, p);
            p += 2;
            if ((len & 0x8000) != 0) {
                if (p + 2 > end) {
                    return bad(i);
                }
                len = ((len & 0x7fff) << 16) | u16(b, p);
                p += 2;
            }
            if (p + 2L * len > end) {
                return bad(i);
            }
            return new String(b, p, 2 * len, StandardCharsets.UTF_16LE);
        }

        /** Reads a 1- or 2-byte UTF-8 pool length into {@code out[0]}; returns the position after it, or -1. */
        private int utf8Length(byte[] b, int p, int[] out) {
            if (p >= end) {
                return -1;
            }
            int len = b[p++] & 0xff;
            if ((len & 0x80) != 0) {
                if (p >= end) {
                    return -1;
                }
                len = ((len & 0x7f) << 8) | (b[p++] & 0xff);
            }
            out[0] = len;
            return p;
        }

        private String bad(int i) {
            xml.problem("string " + i + " of the string pool lies outside it; read as missing");
            return "";
        }
    }
}
