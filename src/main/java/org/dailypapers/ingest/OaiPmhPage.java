package org.dailypapers.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * @param damage what of a damaged page was skipped, or null when the page was read whole
 */
record OaiPmhPage(String responseDate, Error error, List<Record> records, Token token, String damage) {
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
     * fields by element name ({@code id}, {@code title}, {@code authors}, ...) and the versions in order; its
     * length is in characters of the document, from its start tag to its end tag.
     */
    record Record(String identifier, String datestamp, boolean deleted, Map<String, String> fields, List<Version> versions,
            long length) {
        /** Larger than {@link RecordCap#MAX_BYTES}: its metadata is dropped, its identifier kept to report it. */
        boolean tooLarge() {
            return length > RecordCap.MAX_BYTES;
        }
    }

    /**
     * Parses a response body. Characters XML 1.0 forbids (C0 controls but tab and newlines, raw or as character
     * references), which arXiv's metadata has been known to carry, are dropped first. A document that arrived
     * whole (it ends with {@code </OAI-PMH>}) but is damaged inside keeps the records before the damage and its
     * resumption token, and says what was lost in {@link #damage}, so one bad record cannot block every later
     * run at the same page. Fails when the body is not OAI-PMH, or is cut short.
     */
    static OaiPmhPage parse(byte[] body) throws HarvestException {
        byte[] clean = withoutForbiddenCharacters(body);
        Reading reading = new Reading();
        try {
            XMLStreamReader xml = SafeXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(clean));
            try {
                read(xml, reading);
                return new OaiPmhPage(reading.responseDate, reading.error, reading.records, reading.token, null);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")";
            String problem = "not well-formed XML" + where + ": " + e.getMessage();
            String text = new String(clean, StandardCharsets.UTF_8);
            Matcher token = TOKEN.matcher(text);
            if (!reading.started || reading.error != null || !text.stripTrailing().endsWith("</OAI-PMH>") || !token.find()) {
                throw new HarvestException("the response is " + problem, e);
            }
            String after = reading.records.isEmpty() ? "from its first record"
                    : "after " + reading.records.getLast().identifier();
            List<String> unreadable = salvage(text, reading.records);
            return new OaiPmhPage(reading.responseDate, null, reading.records, tokenOf(token),
                    "the page is damaged " + after + ": " + problem + "; the records after it were read one by one, and "
                            + (unreadable.isEmpty() ? "all of them were kept"
                                    : "these are skipped as not well-formed: " + String.join(", ", unreadable)));
        }
    }

    private static final Pattern RECORD = Pattern.compile("(?s)<record>.*?</record>");
    private static final Pattern IDENTIFIER = Pattern.compile("<identifier>\\s*([^<]*?)\\s*</identifier>");

    /**
     * Reads each record of a damaged page that the streaming read did not reach, one at a time, so that one bad
     * record costs only itself (the next run starts after this page: what is not kept now is never fetched
     * again). Adds what reads to {@code records}; returns the identifiers of the records that do not.
     */
    private static List<String> salvage(String text, List<Record> records) {
        java.util.Set<String> read = new java.util.HashSet<>();
        records.forEach(r -> read.add(r.identifier()));
        List<String> unreadable = new ArrayList<>();
        Matcher block = RECORD.matcher(text);
        while (block.find()) {
            Matcher id = IDENTIFIER.matcher(block.group());
            String identifier = id.find() ? id.group(1) : "a record without an identifier";
            if (read.contains(identifier)) {
                continue;
            }
            String alone = "<OAI-PMH><ListRecords>" + block.group() + "</ListRecords></OAI-PMH>";
            Reading one = new Reading();
            try {
                XMLStreamReader xml = SafeXml.inputFactory().createXMLStreamReader(new java.io.StringReader(alone));
                try {
                    read(xml, one);
                } finally {
                    xml.close();
                }
                records.addAll(one.records);
            } catch (XMLStreamException | HarvestException e) {
                unreadable.add(identifier);
            }
        }
        return unreadable;
    }

    /** What has been read so far: kept when the document turns out damaged. */
    private static final class Reading {
        boolean started;
        String responseDate;
        Error error;
        final List<Record> records = new ArrayList<>();
        Token token;
    }

    private static final Pattern TOKEN = Pattern.compile(
            "<resumptionToken\\b([^>]*?)(?:/>|>([^<]*)</resumptionToken>)");
    private static final Pattern ATTRIBUTE = Pattern.compile("(cursor|completeListSize)\\s*=\\s*\"(\\d+)\"");
    /** C0 controls XML 1.0 forbids, as character references. */
    private static final Pattern FORBIDDEN_REFERENCE = Pattern.compile("&#(?:x0*([0-8bBcCeEfF]|1[0-9a-fA-F])|0*([0-8]|1[124-9]|2[0-9]|3[01]));");

    private static Token tokenOf(Matcher m) {
        Integer cursor = null;
        Integer size = null;
        Matcher a = ATTRIBUTE.matcher(m.group(1));
        while (a.find()) {
            if (a.group(1).equals("cursor")) {
                cursor = integer(a.group(2));
            } else {
                size = integer(a.group(2));
            }
        }
        String value = m.group(2) == null ? "" : m.group(2).strip();
        return new Token(value.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"), cursor, size);
    }

    /**
     * Drops the bytes of C0 controls but tab, LF and CR (in UTF-8 such a byte is never part of another
     * character) and their character references, and replaces bytes that are not UTF-8 with U+FFFD.
     */
    static byte[] withoutForbiddenCharacters(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length);
        boolean changed = false;
        for (byte b : body) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                changed = true;
            } else {
                out.write(b);
            }
        }
        byte[] bytes = changed ? out.toByteArray() : body;
        // Decoding replaces byte sequences that are not UTF-8 (seen in old arXiv metadata) with U+FFFD: one bad
        // byte in an abstract must not make the XML reader give up on the rest of the page.
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher refs = FORBIDDEN_REFERENCE.matcher(text);
        return (refs.find() ? refs.replaceAll("") : text).getBytes(StandardCharsets.UTF_8);
    }

    private static void read(XMLStreamReader xml, Reading reading) throws XMLStreamException, HarvestException {
        while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: the XML declaration, comments, whitespace (a DTD is refused by the factory)
        }
        if (!xml.isStartElement() || !"OAI-PMH".equals(xml.getLocalName())) {
            throw new HarvestException("not an OAI-PMH response: the document does not start with <OAI-PMH>");
        }
        reading.started = true;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "responseDate" -> reading.responseDate = text(xml).strip();
                case "error" -> {
                    String code = xml.getAttributeValue(null, "code");
                    reading.error = new Error(code == null ? "unknown" : code, text(xml).strip());
                }
                case "record" -> {
                    int start = xml.getLocation().getCharacterOffset();
                    Record record = record(xml, start);
                    reading.records.add(record.tooLarge()
                            ? new Record(record.identifier(), record.datestamp(), record.deleted(), Map.of(), List.of(), record.length())
                            : record);
                }
                case "resumptionToken" -> {
                    Integer cursor = integer(xml.getAttributeValue(null, "cursor"));
                    Integer size = integer(xml.getAttributeValue(null, "completeListSize"));
                    reading.token = new Token(text(xml).strip(), cursor, size);
                }
                default -> {
                    // request, ListRecords, GetRecord: containers or echoes; descend into them
                }
            }
        }
    }

    private static Record record(XMLStreamReader xml, int start) throws XMLStreamException {
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
        int end = xml.getLocation().getCharacterOffset();
        return new Record(identifier, datestamp, deleted, fields, versions, start >= 0 && end >= start ? end - start : 0);
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
