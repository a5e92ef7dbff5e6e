package io.paperstream.ingest.domain.format;

import java.io.InputStream;
import java.io.Reader;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reading untrusted XML (Atom feeds, OAI-PMH answers) with the JDK's StAX parser: no DTDs, no entity declarations or
 * references, no external access; the errors name the document kind and the line and column. Shared by the parsers,
 * which only walk their own elements.
 */
public final class SafeXml {
    private static final XMLInputFactory FACTORY = factory();
    private final String document;

    /** @param document what is read, for messages: "an Atom feed", "an OAI-PMH answer" */
    public SafeXml(String document) {
        this.document = document;
    }

    public XMLStreamReader open(Reader reader) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(reader);
    }

    public XMLStreamReader open(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /** The text of the current element and its descendants; leaves the reader on its end tag. */
    public String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            refuseDtd(r, event);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    out.append(r.getText());
                default -> {}
            }
        }
        return out.toString();
    }

    /** Passes over the current element and its descendants; leaves the reader on its end tag. */
    public void skip(XMLStreamReader r) throws XMLStreamException {
        text(r);
    }

    /** Refuses a DTD or an entity (the factory does not resolve them; this says so instead of reading on). */
    public void refuseDtd(XMLStreamReader r, int event) {
        if (event == XMLStreamConstants.DTD
                || event == XMLStreamConstants.ENTITY_REFERENCE
                || event == XMLStreamConstants.ENTITY_DECLARATION) {
            throw new UnreadableBodyException(
                    "DTDs and entity declarations are not allowed in " + document, where(r.getLocation()));
        }
    }

    /** "line L, column C", or null when the parser does not know. */
    public static String where(Location location) {
        return location == null ? null : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** The parser's message without its "ParseError at [row,col]: … Message:" prefix. */
    public static String cleanMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).trim();
    }

    public static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing to release: the reader does not own the stream it reads
            }
        }
    }

    private static XMLInputFactory factory() {
        // The JDK's own StAX implementation, whatever else is on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
