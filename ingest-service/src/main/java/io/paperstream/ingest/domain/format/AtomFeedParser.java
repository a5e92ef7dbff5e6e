package io.paperstream.ingest.domain.format;

import io.paperstream.events.RawPaper.SourceLink;
import io.paperstream.ingest.domain.PaperInput;
import io.paperstream.ingest.domain.SourceRecord;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An arXiv API Atom feed: each {@code entry} gives id (→ arXiv id and version), title, summary, author/name,
 * published, updated, category@term, arxiv:primary_category, link (pdf, abstract page, doi), arxiv:comment and
 * arxiv:doi. The parser is safe by construction: a document with a DTD is refused before any of it is used, so
 * there are no entities to expand (no "billion laughs") and nothing external to fetch (no XXE).
 */
public final class AtomFeedParser {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    private static final SafeXml XML = new SafeXml("an Atom feed");

    private AtomFeedParser() {}

    public static List<SourceRecord> parse(String xml) {
        XMLStreamReader r = null;
        try {
            r = XML.open(new StringReader(xml));
            List<SourceRecord> records = new ArrayList<>();
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                XML.refuseDtd(r, event);
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (root) {
                    if (!ATOM.equals(r.getNamespaceURI()) || !"feed".equals(r.getLocalName())) {
                        throw new UnreadableBodyException(
                                "not an Atom feed: the root element must be <feed xmlns=\"" + ATOM + "\">",
                                SafeXml.where(r.getLocation()));
                    }
                    root = false;
                } else if (ATOM.equals(r.getNamespaceURI()) && "entry".equals(r.getLocalName())) {
                    int line = r.getLocation().getLineNumber();
                    records.add(SourceRecord.ok(
                            records.size(), "entry " + (records.size() + 1) + " (line " + line + ")", entry(r)));
                }
            }
            if (root) {
                throw new UnreadableBodyException("not an Atom feed: no root element", null);
            }
            return records;
        } catch (XMLStreamException e) {
            throw new UnreadableBodyException(
                    "malformed XML: " + SafeXml.cleanMessage(e), SafeXml.where(e.getLocation()), e);
        } finally {
            SafeXml.close(r);
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
            XML.refuseDtd(r, event);
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
                    case "id" -> id = XML.text(r);
                    case "title" -> title = XML.text(r);
                    case "summary" -> summary = XML.text(r);
                    case "published" -> published = XML.text(r);
                    case "updated" -> updated = XML.text(r);
                    case "author" -> author(r, authors);
                    case "category" -> {
                        addIfPresent(categories, r.getAttributeValue(null, "term"));
                        XML.skip(r);
                    }
                    case "link" -> {
                        link(r, links);
                        XML.skip(r);
                    }
                    default -> XML.skip(r);
                }
            } else if (ARXIV.equals(ns)) {
                switch (name) {
                    case "comment" -> comment = XML.text(r);
                    case "doi" -> doi = XML.text(r);
                    case "primary_category" -> {
                        String term = r.getAttributeValue(null, "term");
                        if (term != null && !term.isBlank()) {
                            categories.add(0, term);
                        }
                        XML.skip(r);
                    }
                    default -> XML.skip(r);
                }
            } else {
                XML.skip(r);
            }
        }
        return new PaperInput(
                title, summary, authors, arxivId(id), doi, published, updated, categories, comment, links, null);
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
            XML.refuseDtd(r, event);
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (ATOM.equals(r.getNamespaceURI()) && "name".equals(r.getLocalName())) {
                    addIfPresent(authors, XML.text(r));
                } else {
                    XML.skip(r);
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

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }
}
