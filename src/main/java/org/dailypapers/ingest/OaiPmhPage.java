package org.dailypapers.ingest;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One OAI-PMH response (a page of {@code ListRecords}, or an error), read through {@link SafeXml}. Only
 * what harvesting needs is kept; elements this reader does not know are skipped, so arXiv adding a field
 * changes nothing.
 *
 * @param responseDate the source's clock when it answered, as sent ({@code 2015-01-06T20:49:59Z}); may be null
 * @param error the OAI-PMH error, or null
 * @param records the page's records in document order
 * @param token the resumption token element, or null when there was none (a complete, single-page list)
 */
record OaiPmhPage(String responseDate, Error error, List<Record> records, Token token) {
    static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";

    /** An OAI-PMH error: {@code code} is one of the protocol's (badArgument, noRecordsMatch, ...). */
    record Error(String code, String message) {}

    /**
     * A resumption token: {@code value} is empty on the last page of a list; cursor and size may be null.
     */
    record Token(String value, Integer cursor, Integer completeListSize) {
        boolean hasMore() {
            return value != null && !value.isBlank();
        }
    }

    /** One version of an arXiv paper: its label ({@code v2}) and date as sent. */
    record Version(String label, String date) {}

    /**
     * A record: header identifier and datestamp, whether it is deleted, and its arXivRaw metadata: simple
     * fields by element name ({@code id}, {@code title}, {@code authors}, ...) and the versions in order.
     */
    record Record(String identifier, String datestamp, boolean deleted, Map<String, String> fields, List<Version> versions) {}

    /** Parses a response body; fails when it is not well-formed XML or not an OAI-PMH document. */
    static OaiPmhPage parse(byte[] body) throws HarvestException {
        try {
            XMLStreamReader xml = SafeXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                return read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")";
            throw new HarvestException("the response is not well-formed XML" + where + ": " + e.getMessage(), e);
        }
    }

    private static OaiPmhPage read(XMLStreamReader xml) throws XMLStreamException, HarvestException {
        while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: the XML declaration, comments, whitespace (a DTD is refused by the factory)
        }
        if (!xml.isStartElement() || !"OAI-PMH".equals(xml.getLocalName())) {
            throw new HarvestException("not an OAI-PMH response: the document does not start with <OAI-PMH>");
        }
        String responseDate = null;
        Error error = null;
        List<Record> records = new ArrayList<>();
        Token token = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "responseDate" -> responseDate = text(xml).strip();
                case "error" -> {
                    String code = xml.getAttributeValue(null, "code");
                    error = new Error(code == null ? "unknown" : code, text(xml).strip());
                }
                case "record" -> records.add(record(xml));
                case "resumptionToken" -> {
                    Integer cursor = integer(xml.getAttributeValue(null, "cursor"));
                    Integer size = integer(xml.getAttributeValue(null, "completeListSize"));
                    token = new Token(text(xml).strip(), cursor, size);
                }
                default -> {
                    // request, ListRecords, GetRecord: containers or echoes; descend into them
                }
            }
        }
        return new OaiPmhPage(responseDate, error, records, token);
    }

    private static Record record(XMLStreamReader xml) throws XMLStreamException {
        String identifier = null;
        String datestamp = null;
        boolean deleted = false;
        Map<String, String> fields = new LinkedHashMap<>();
        List<Version> versions = new ArrayList<>();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            switch (name) {
                case "header" -> {
                    deleted = "deleted".equals(xml.getAttributeValue(null, "status"));
                    depth++;
                }
                case "identifier" -> identifier = text(xml).strip();
                case "datestamp" -> datestamp = text(xml).strip();
                case "metadata", "arXivRaw" -> depth++;
                case "version" -> versions.add(version(xml));
                default -> {
                    // id, title, authors, abstract, ...; setSpec and unknown elements are kept too, unused
                    fields.putIfAbsent(name, text(xml));
                }
            }
        }
        return new Record(identifier, datestamp, deleted, fields, versions);
    }

    private static Version version(XMLStreamReader xml) throws XMLStreamException {
        String label = xml.getAttributeValue(null, "version");
        String date = null;
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("date".equals(xml.getLocalName())) {
                    date = text(xml).strip();
                } else {
                    text(xml);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new Version(label, date);
    }

    /** The text of the current element and everything inside it; leaves the reader on its end tag. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                default -> { }
            }
        }
        return text.toString();
    }

    private static Integer integer(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
