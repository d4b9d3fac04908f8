package dev.quiver.core.manifest;

import java.util.List;

/**
 * What reading an XML file gives: its root element (null when none could be read) and the problems met,
 * in file order.
 */
public record XmlDocument(XmlElement root, List<String> problems) {
    public XmlDocument {
        problems = List.copyOf(problems);
    }
}
