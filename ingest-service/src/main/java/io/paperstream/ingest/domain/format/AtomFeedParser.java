package io.paperstream.ingest.domain.format;

import io.paperstream.events.RawPaper.SourceLink;
import io.paperstream.ingest.domain.PaperInput;
import io.paperstream.ingest.domain.SourceRecord;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * An arXiv API Atom feed: each {@code entry} gives id (→ arXiv id and version), title, summary, author/name,
 * published, updated, category@term, arxiv:primary_category, link (pdf, abstract page, doi), arxiv:comment and
 * arxiv:doi. The parser is safe by construction: a document with a DTD is refused before any of it is used, so
 * there are no entities to expand (no "billion laughs") and nothing external to fetch (no XXE).
 */
public final class AtomFeedParser {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    private static final XMLInputFactory FACTORY = factory();

    private AtomFeedParser() {
    }

    public static List<SourceRecord> parse(String xml) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(xml));
            List<SourceRecord> records = new ArrayList<>();
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                refuseDtd(r, event);
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (root) {
                    if (!ATOM.equals(r.getNamespaceURI()) || !"feed".equals(r.getLocalName())) {
                        throw new UnreadableBodyException("not an Atom feed: the root element must be <feed xmlns=\""
                                + ATOM + "\">", where(r.getLocation()));
                    }
                    root = false;
                } else if (ATOM.equals(r.getNamespaceURI()) && "entry".equals(r.getLocalName())) {
                    int line = r.getLocation().getLineNumber();
                    records.add(SourceRecord.ok(records.size(), "entry " + (records.size() + 1) + " (line " + line + ")",
                            entry(r)));
                }
            }
            if (root) {
                throw new UnreadableBodyException("not an Atom feed: no root element", null);
            }
            return records;
        } catch (XMLStreamException e) {
            throw new UnreadableBodyException("malformed XML: " + cleanMessage(e), where(e.getLocation()), e);
        } finally {
            close(r);
        }
    }

    private static PaperInput entry(XMLStreamReader r) throws XMLStreamException {
        String id = null;
        String title = null;
        String summary = null;
        String published = null;
        String updated = null;
        String comment = null;
        String doi = null;
        List<String> authors = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<SourceLink> links = new ArrayList<>();
        while (true) {
            int event = r.next();
            refuseDtd(r, event);
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = r.getNamespaceURI();
            String name = r.getLocalName();
            if (ATOM.equals(ns)) {
                switch (name) {
                    case "id" -> id = text(r);
                    case "title" -> title = text(r);
                    case "summary" -> summary = text(r);
                    case "published" -> published = text(r);
                    case "updated" -> updated = text(r);
                    case "author" -> author(r, authors);
                    case "category" -> {
                        addIfPresent(categories, r.getAttributeValue(null, "term"));
                        skip(r);
                    }
                    case "link" -> {
                        link(r, links);
                        skip(r);
                    }
                    default -> skip(r);
                }
            } else if (ARXIV.equals(ns)) {
                switch (name) {
                    case "comment" -> comment = text(r);
                    case "doi" -> doi = text(r);
                    case "primary_category" -> {
                        String term = r.getAttributeValue(null, "term");
                        if (term != null && !term.isBlank()) {
                            categories.add(0, term);
                        }
                        skip(r);
                    }
                    default -> skip(r);
                }
            } else {
                skip(r);
            }
        }
        return new PaperInput(title, summary, authors, arxivId(id), doi, published, updated, categories, comment,
                links, null);
    }

    /** {@code http://arxiv.org/abs/2409.04828v2} → {@code 2409.04828v2}; other ids are not arXiv ids. */
    static String arxivId(String entryId) {
        if (entryId == null) {
            return null;
        }
        String id = entryId.trim();
        int abs = id.indexOf("arxiv.org/abs/");
        if (abs >= 0) {
            return id.substring(abs + "arxiv.org/abs/".length());
        }
        return id.startsWith("http") ? null : id;
    }

    private static void author(XMLStreamReader r, List<String> authors) throws XMLStreamException {
        while (true) {
            int event = r.next();
            refuseDtd(r, event);
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (ATOM.equals(r.getNamespaceURI()) && "name".equals(r.getLocalName())) {
                    addIfPresent(authors, text(r));
                } else {
                    skip(r);
                }
            }
        }
    }

    private static void link(XMLStreamReader r, List<SourceLink> links) {
        String href = r.getAttributeValue(null, "href");
        String title = r.getAttributeValue(null, "title");
        String rel = r.getAttributeValue(null, "rel");
        if (href == null || href.isBlank()) {
            return;
        }
        if ("pdf".equals(title)) {
            links.add(new SourceLink(href, "pdf"));
        } else if ("doi".equals(title)) {
            links.add(new SourceLink(href, "doi"));
        } else if ("alternate".equals(rel)) {
            links.add(new SourceLink(href, "abstract-page"));
        }
    }

    /** The text of the current element and its descendants; leaves the reader on its end tag. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
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
                default -> {
                }
            }
        }
        return out.toString();
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        text(r);
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }

    private static void refuseDtd(XMLStreamReader r, int event) {
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                || event == XMLStreamConstants.ENTITY_DECLARATION) {
            throw new UnreadableBodyException("DTDs and entity declarations are not allowed in an Atom feed",
                    where(r.getLocation()));
        }
    }

    private static String where(Location location) {
        return location == null ? null : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static String cleanMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).trim();
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing to release: the reader reads from a string
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
