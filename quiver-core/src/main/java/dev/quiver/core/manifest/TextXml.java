package dev.quiver.core.manifest;

import dev.quiver.core.manifest.XmlElement.Attr;
import dev.quiver.core.manifest.XmlElement.ValueType;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a text {@code AndroidManifest.xml} (apktool's decoded manifest) into an {@link XmlElement} tree.
 * The file may come from an attacker: DTDs and external entities are refused (no XXE, no entity
 * expansion bomb), nesting is bounded, and a malformed file yields the elements read before the error and
 * a problem with its line.
 */
public final class TextXml {
    private static final XMLInputFactory FACTORY = factory();

    private TextXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** Reads {@code bytes}; never throws for bad input. */
    public static XmlDocument read(byte[] bytes) {
        List<String> problems = new ArrayList<>();
        XmlElement root = null;
        Deque<XmlElement> open = new ArrayDeque<>();
        int elements = 0;
        XMLStreamReader r = null;
        try {
            synchronized (FACTORY) {
                r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
            }
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    problems.add("a DOCTYPE declaration (line " + r.getLocation().getLineNumber()
                            + "): not read; entities are not expanded");
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (open.size() >= BinaryXml.MAX_DEPTH || ++elements > BinaryXml.MAX_ELEMENTS) {
                        problems.add("line " + r.getLocation().getLineNumber() + ": nested too deep or too many "
                                + "elements; reading stopped");
                        break;
                    }
                    XmlElement e = XmlElement.of(r.getLocalName(), r.getLocation().getLineNumber());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String ns = r.getAttributeNamespace(i);
                        e.attributes().add(new Attr(ns == null ? "" : ns, r.getAttributeLocalName(i), 0,
                                r.getAttributeValue(i), ValueType.STRING, 0));
                    }
                    if (open.isEmpty()) {
                        if (root == null) {
                            root = e;
                        }
                    } else {
                        open.peek().children().add(e);
                    }
                    open.push(e);
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    open.poll();
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
            String m = String.valueOf(e.getMessage()).replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[[0-9,]+\\]\\s*"
                    + "Message: ", "").lines().findFirst().orElse("");
            problems.add("malformed XML" + (line > 0 ? " at line " + line : "") + ": " + m
                    + (root != null ? "; what came before was read" : ""));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a byte array releases nothing that matters
                }
            }
        }
        if (root == null && problems.isEmpty()) {
            problems.add("no XML element in the file");
        }
        return new XmlDocument(root, List.copyOf(problems));
    }
}
