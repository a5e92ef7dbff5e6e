package io.paperstream.ingest.sources;

import io.paperstream.ingest.domain.PaperInput;
import io.paperstream.ingest.domain.SourceRecord;
import io.paperstream.ingest.domain.Violation;
import io.paperstream.ingest.domain.format.SafeXml;
import io.paperstream.ingest.domain.format.UnreadableBodyException;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
    private static final SafeXml XML = new SafeXml("an OAI-PMH answer");

    private OaiPmhParser() {}

    /** One record of a page: a paper (or the reasons it cannot be one), or a deletion. */
    public record OaiRecord(String identifier, String datestamp, boolean deleted, SourceRecord record) {
        /** The arXiv id of {@code oai:arXiv.org:0704.0001} (or of an old-style {@code oai:arXiv.org:math/0703001}). */
        public String arxivId() {
            int colon = identifier == null ? -1 : identifier.indexOf(':', "oai:".length());
            return identifier == null ? null : identifier.substring(colon + 1).trim();
        }
    }

    /** A page: records and the token of the next page (null at the end), or an OAI-PMH error. */
    public record OaiPage(
            Instant responseDate,
            List<OaiRecord> records,
            String resumptionToken,
            String errorCode,
            String errorMessage,
            String completeListSize) {
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
            r = XML.open(new ByteArrayInputStream(xml));
            Instant responseDate = null;
            List<OaiRecord> records = new ArrayList<>();
            String token = null;
            String size = null;
            String errorCode = null;
            String errorMessage = null;
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                XML.refuseDtd(r, event);
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (root) {
                    if (!OAI.equals(r.getNamespaceURI()) || !"OAI-PMH".equals(name)) {
                        throw new UnreadableBodyException(
                                "not an OAI-PMH answer: the root element must be <OAI-PMH xmlns=\"" + OAI + "\">",
                                SafeXml.where(r.getLocation()));
                    }
                    root = false;
                    continue;
                }
                if (!OAI.equals(r.getNamespaceURI())) {
                    XML.skip(r);
                    continue;
                }
                switch (name) {
                    case "responseDate" -> responseDate = instant(XML.text(r).trim(), r);
                    case "error" -> {
                        errorCode = r.getAttributeValue(null, "code");
                        errorMessage = XML.text(r).trim();
                    }
                    case "record" -> records.add(record(r, records.size()));
                    case "resumptionToken" -> {
                        size = r.getAttributeValue(null, "completeListSize");
                        String value = XML.text(r).trim();
                        token = value.isEmpty() ? null : value;
                    }
                    case "request" -> XML.skip(r);
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
            throw new UnreadableBodyException(
                    "malformed XML: " + SafeXml.cleanMessage(e), SafeXml.where(e.getLocation()), e);
        } finally {
            SafeXml.close(r);
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
            XML.refuseDtd(r, event);
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
                    XML.refuseDtd(r, e);
                    if (e == XMLStreamConstants.END_ELEMENT) {
                        break;
                    }
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        switch (r.getLocalName()) {
                            case "identifier" -> identifier = XML.text(r).trim();
                            case "datestamp" -> datestamp = XML.text(r).trim();
                            default -> XML.skip(r);
                        }
                    }
                }
            } else if (OAI.equals(r.getNamespaceURI()) && "metadata".equals(r.getLocalName())) {
                while (true) {
                    int e = r.next();
                    XML.refuseDtd(r, e);
                    if (e == XMLStreamConstants.END_ELEMENT) {
                        break;
                    }
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        if (ARXIV.equals(r.getNamespaceURI()) && "arXiv".equals(r.getLocalName())) {
                            input = arxiv(r, errors);
                        } else {
                            errors.add(Violation.of(
                                    "metadata",
                                    "unknown-format",
                                    "the metadata is <" + r.getLocalName() + "> in " + r.getNamespaceURI()
                                            + ", not arXiv's format"));
                            XML.skip(r);
                        }
                    }
                }
            } else {
                XML.skip(r);
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
            XML.refuseDtd(r, event);
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!ARXIV.equals(r.getNamespaceURI())) {
                XML.skip(r);
                continue;
            }
            switch (r.getLocalName()) {
                case "id" -> id = XML.text(r).trim();
                case "created" -> created = XML.text(r).trim();
                case "updated" -> updated = XML.text(r).trim();
                case "title" -> title = XML.text(r);
                case "abstract" -> abstractText = XML.text(r);
                case "categories" -> categories = XML.text(r);
                case "comments" -> comments = XML.text(r);
                case "doi" -> doi = XML.text(r).trim();
                case "license" -> license = XML.text(r).trim();
                case "authors" -> authors(r, authors);
                default -> XML.skip(r);
            }
        }
        List<String> categoryList =
                categories == null || categories.isBlank() ? List.of() : List.of(WHITESPACE.split(categories.trim()));
        String firstDoi = doi == null || doi.isBlank() ? null : WHITESPACE.split(doi)[0];
        return new PaperInput(
                title,
                abstractText,
                authors,
                id,
                firstDoi,
                created,
                updated,
                categoryList,
                comments,
                null,
                null,
                license == null || license.isBlank() ? null : license);
    }

    /** {@code <author><keyname>Balázs</keyname><forenames>C.</forenames><suffix>Jr</suffix></author>} → "C. Balázs Jr". */
    private static void authors(XMLStreamReader r, List<String> authors) throws XMLStreamException {
        while (true) {
            int event = r.next();
            XML.refuseDtd(r, event);
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!"author".equals(r.getLocalName())) {
                XML.skip(r);
                continue;
            }
            String keyname = "";
            String forenames = "";
            String suffix = "";
            while (true) {
                int e = r.next();
                XML.refuseDtd(r, e);
                if (e == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (e == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "keyname" -> keyname = XML.text(r).trim();
                        case "forenames" -> forenames = XML.text(r).trim();
                        case "suffix" -> suffix = XML.text(r).trim();
                        default -> XML.skip(r);
                    }
                }
            }
            String name = WHITESPACE
                    .matcher((forenames + " " + keyname + " " + suffix).trim())
                    .replaceAll(" ");
            if (!name.isEmpty()) {
                authors.add(name);
            }
        }
    }

    private static Instant instant(String text, XMLStreamReader r) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnreadableBodyException(
                    "responseDate '" + text + "' is not a UTC date-time", SafeXml.where(r.getLocation()));
        }
    }
}
