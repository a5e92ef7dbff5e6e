package io.paperstream.ingest.sources;

import io.paperstream.ingest.domain.PaperInput;
import io.paperstream.ingest.domain.SourceRecord;
import io.paperstream.ingest.domain.Violation;
import io.paperstream.ingest.domain.format.UnreadableBodyException;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One OAI-PMH 2.0 answer to {@code ListRecords} with {@code metadataPrefix=arXiv}: its {@code responseDate}, an
 * {@code error} (code and message) or records (header identifier, datestamp, {@code status="deleted"}; metadata in
 * arXiv's format: id, created, updated, authors/author/keyname+forenames+suffix, title, categories, comments, doi,
 * license, abstract) and the {@code resumptionToken}. Safe like the Atom parser: a DTD or entity declaration is
 * refused, nothing external is fetched (StAX with DTD support and external entities off).
 */
public final class OaiPmhParser {
    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String ARXIV = "http://arxiv.org/OAI/arXiv/";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final XMLInputFactory FACTORY = factory();

    private OaiPmhParser() {
    }

    /** One record of a page: a paper (or the reasons it cannot be one), or a deletion. */
    public record OaiRecord(String identifier, String datestamp, boolean deleted, SourceRecord record) {
        /** The arXiv id of {@code oai:arXiv.org:0704.0001} (or of an old-style {@code oai:arXiv.org:math/0703001}). */
        public String arxivId() {
            int colon = identifier == null ? -1 : identifier.indexOf(':', "oai:".length());
            return identifier == null ? null : identifier.substring(colon + 1).trim();
        }
    }

    /** A page: records and the token of the next page (null at the end), or an OAI-PMH error. */
    public record OaiPage(Instant responseDate, List<OaiRecord> records, String resumptionToken, String errorCode,
                          String errorMessage, String completeListSize) {
        public boolean noRecordsMatch() {
            return "noRecordsMatch".equals(errorCode);
        }

        public boolean error() {
            return errorCode != null;
        }
    }

    public static OaiPage parse(byte[] xml) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            Instant responseDate = null;
            List<OaiRecord> records = new ArrayList<>();
            String token = null;
            String size = null;
            String errorCode = null;
            String errorMessage = null;
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                refuseDtd(r, event);
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (root) {
                    if (!OAI.equals(r.getNamespaceURI()) || !"OAI-PMH".equals(name)) {
                        throw new UnreadableBodyException("not an OAI-PMH answer: the root element must be <OAI-PMH xmlns=\""
                                + OAI + "\">", where(r.getLocation()));
                    }
                    root = false;
                    continue;
                }
                if (!OAI.equals(r.getNamespaceURI())) {
                    skip(r);
                    continue;
                }
                switch (name) {
                    case "responseDate" -> responseDate = instant(text(r).trim(), r);
                    case "error" -> {
                        errorCode = r.getAttributeValue(null, "code");
                        errorMessage = text(r).trim();
                    }
                    case "record" -> records.add(record(r, records.size()));
                    case "resumptionToken" -> {
                        size = r.getAttributeValue(null, "completeListSize");
                        String value = text(r).trim();
                        token = value.isEmpty() ? null : value;
                    }
                    case "request" -> skip(r);
                    default -> {
                        // verb containers (ListRecords): descend
                    }
                }
            }
            if (root) {
                throw new UnreadableBodyException("not an OAI-PMH answer: no root element", null);
            }
            if (responseDate == null) {
                throw new UnreadableBodyException("not an OAI-PMH answer: no responseDate", null);
            }
            return new OaiPage(responseDate, records, token, errorCode, errorMessage, size);
        } catch (XMLStreamException e) {
            throw new UnreadableBodyException("malformed XML: " + cleanMessage(e), where(e.getLocation()), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // reading from memory
                }
            }
        }
    }

    private static OaiRecord record(XMLStreamReader r, int index) throws XMLStreamException {
        int line = r.getLocation().getLineNumber();
        String identifier = null;
        String datestamp = null;
        boolean deleted = false;
        PaperInput input = null;
        List<Violation> errors = new ArrayList<>();
        while (true) {
            int event = r.next();
            refuseDtd(r, event);
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (OAI.equals(r.getNamespaceURI()) && "header".equals(r.getLocalName())) {
                deleted = "deleted".equals(r.getAttributeValue(null, "status"));
                while (true) {
                    int e = r.next();
                    refuseDtd(r, e);
                    if (e == XMLStreamConstants.END_ELEMENT) {
                        break;
                    }
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        switch (r.getLocalName()) {
                            case "identifier" -> identifier = text(r).trim();
                            case "datestamp" -> datestamp = text(r).trim();
                            default -> skip(r);
                        }
                    }
                }
            } else if (OAI.equals(r.getNamespaceURI()) && "metadata".equals(r.getLocalName())) {
                while (true) {
                    int e = r.next();
                    refuseDtd(r, e);
                    if (e == XMLStreamConstants.END_ELEMENT) {
                        break;
                    }
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        if (ARXIV.equals(r.getNamespaceURI()) && "arXiv".equals(r.getLocalName())) {
                            input = arxiv(r, errors);
                        } else {
                            errors.add(Violation.of("metadata", "unknown-format", "the metadata is <"
                                    + r.getLocalName() + "> in " + r.getNamespaceURI() + ", not arXiv's format"));
                            skip(r);
                        }
                    }
                }
            } else {
                skip(r);
            }
        }
        String location = "record " + (index + 1) + " (" + (identifier == null ? "line " + line : identifier) + ")";
        if (!deleted && input == null && errors.isEmpty()) {
            errors.add(Violation.of("metadata", "missing", "the record has no metadata"));
        }
        return new OaiRecord(identifier, datestamp, deleted, new SourceRecord(index, location, input, errors));
    }

    /** The {@code <arXiv>} element; leaves the reader on its end tag. */
    private static PaperInput arxiv(XMLStreamReader r, List<Violation> errors) throws XMLStreamException {
        String id = null;
        String created = null;
        String updated = null;
        String title = null;
        String abstractText = null;
        String categories = null;
        String comments = null;
        String doi = null;
        String license = null;
        List<String> authors = new ArrayList<>();
        while (true) {
            int event = r.next();
            refuseDtd(r, event);
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!ARXIV.equals(r.getNamespaceURI())) {
                skip(r);
                continue;
            }
            switch (r.getLocalName()) {
                case "id" -> id = text(r).trim();
                case "created" -> created = text(r).trim();
                case "updated" -> updated = text(r).trim();
                case "title" -> title = text(r);
                case "abstract" -> abstractText = text(r);
                case "categories" -> categories = text(r);
                case "comments" -> comments = text(r);
                case "doi" -> doi = text(r).trim();
                case "license" -> license = text(r).trim();
                case "authors" -> authors(r, authors);
                default -> skip(r);
            }
        }
        List<String> categoryList = categories == null || categories.isBlank() ? List.of()
                : List.of(WHITESPACE.split(categories.trim()));
        String firstDoi = doi == null || doi.isBlank() ? null : WHITESPACE.split(doi)[0];
        return new PaperInput(title, abstractText, authors, id, firstDoi, created, updated, categoryList, comments,
                null, null, license == null || license.isBlank() ? null : license);
    }

    /** {@code <author><keyname>Balázs</keyname><forenames>C.</forenames><suffix>Jr</suffix></author>} → "C. Balázs Jr". */
    private static void authors(XMLStreamReader r, List<String> authors) throws XMLStreamException {
        while (true) {
            int event = r.next();
            refuseDtd(r, event);
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!"author".equals(r.getLocalName())) {
                skip(r);
                continue;
            }
            String keyname = "";
            String forenames = "";
            String suffix = "";
            while (true) {
                int e = r.next();
                refuseDtd(r, e);
                if (e == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (e == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "keyname" -> keyname = text(r).trim();
                        case "forenames" -> forenames = text(r).trim();
                        case "suffix" -> suffix = text(r).trim();
                        default -> skip(r);
                    }
                }
            }
            String name = WHITESPACE.matcher((forenames + " " + keyname + " " + suffix).trim()).replaceAll(" ");
            if (!name.isEmpty()) {
                authors.add(name);
            }
        }
    }

    private static Instant instant(String text, XMLStreamReader r) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnreadableBodyException("responseDate '" + text + "' is not a UTC date-time",
                    where(r.getLocation()));
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

    private static void refuseDtd(XMLStreamReader r, int event) {
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                || event == XMLStreamConstants.ENTITY_DECLARATION) {
            throw new UnreadableBodyException("DTDs and entity declarations are not allowed in an OAI-PMH answer",
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

    private static XMLInputFactory factory() {
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
