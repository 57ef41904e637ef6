package org.dailypapers.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.dailypapers.paper.PaperRecord;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads one file of paper records, whatever its kind, detected by content: a JSON array (a Hugging Face
 * {@code daily_papers} response) or JSON Lines (an arXiv listing, or Daily Papers' own export), either
 * optionally gzipped. Each record is mapped by its shape, so a bad record is skipped with its location and
 * the rest of the file still imports. Not thread-safe; cheap to create.
 */
final class PaperFileReader {
    private static final Pattern DAY_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    private final ObjectMapper json;

    PaperFileReader(ObjectMapper json) {
        this.json = json;
    }

    /** Reads {@code in} (closing it), named {@code name} in messages; the name may carry the feed day. */
    void read(String name, InputStream in, RecordSink sink) throws IOException {
        try (InputStream content = unzipped(new BufferedInputStream(in, 1 << 16))) {
            int first = firstSignificantByte(content);
            if (first == '[') {
                readArray(name, content, dayIn(name), sink);
            } else if (first == '{') {
                readLines(name, content, sink);
            } else {
                sink.reject(new Rejection(name, first < 0 ? "the file is empty"
                        : "not a paper file: expected a JSON array (Hugging Face daily_papers) or JSON Lines "
                                + "(arXiv listing or Daily Papers export), optionally gzipped"));
            }
        }
    }

    private void readArray(String name, InputStream content, LocalDate day, RecordSink sink) throws IOException {
        JsonArrayItems items = new JsonArrayItems(content, RecordCap.MAX_BYTES);
        int index = 0;
        try {
            for (JsonArrayItems.Item item = items.next(); item != null; item = items.next(), index++) {
                String location = name + "[" + index + "]";
                if (item.tooLarge()) {
                    sink.reject(new Rejection(location, RecordCap.tooLarge(item.length())));
                    continue;
                }
                try {
                    map(location, json.readTree(item.bytes()), day, sink);
                } catch (JsonProcessingException e) {
                    sink.reject(new Rejection(location, "malformed JSON: " + e.getOriginalMessage()));
                }
            }
        } catch (JsonArrayItems.Malformed e) {
            sink.reject(new Rejection(name + "[" + index + "]", "malformed JSON, the rest of the file is skipped: " + e.getMessage()));
        }
    }

    /** JSON Lines, one record a line; a line longer than {@link RecordCap#MAX_BYTES} is skipped unread. */
    private void readLines(String name, InputStream content, RecordSink sink) throws IOException {
        BoundedLines lines = new BoundedLines(content, RecordCap.MAX_BYTES);
        for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
            String location = name + ":" + line.number();
            if (line.tooLong()) {
                sink.reject(new Rejection(location, RecordCap.tooLarge(line.length())));
                continue;
            }
            if (isBlank(line.bytes())) {
                continue;
            }
            try {
                // decoded leniently (a byte that is not UTF-8 becomes U+FFFD), as a line of text
                map(location, json.readTree(new String(line.bytes(), StandardCharsets.UTF_8)), null, sink);
            } catch (JsonProcessingException e) {
                sink.reject(new Rejection(location, "malformed JSON: " + e.getOriginalMessage()));
            }
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static void map(String location, JsonNode node, LocalDate day, RecordSink sink) {
        try {
            if (node == null || !node.isObject()) {
                throw new BadRecordException("expected a JSON object");
            } else if (node.has("paper")) {
                PaperRecord record = HfDailyPaperMapper.map(node, day);
                sink.accept(record);
                sink.accept(HubLinksMapper.map(record.paper().id(), node));
            } else if (node.has("abstract")) {
                sink.accept(ArxivListingMapper.map(node));
            } else if (node.has("summary")) {
                PaperRecord record = ExportFormat.read(node);
                sink.accept(record);
                sink.accept(HubLinksMapper.map(record.paper().id(), node));
            } else {
                throw new BadRecordException("unknown record: expected a Hugging Face daily_papers item, "
                        + "an arXiv listing line or a Daily Papers export line");
            }
        } catch (BadRecordException e) {
            sink.reject(new Rejection(location, e.getMessage()));
        }
    }

    private static InputStream unzipped(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /** The first byte that is not whitespace or a UTF-8 byte-order mark, leaving the stream positioned at it. */
    private static int firstSignificantByte(InputStream in) throws IOException {
        while (true) {
            in.mark(1);
            int b = in.read();
            if (b < 0 || !(Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF)) {
                in.reset();
                return b;
            }
        }
    }

    private static LocalDate dayIn(String name) {
        Matcher m = DAY_IN_NAME.matcher(name.substring(name.lastIndexOf('/') + 1));
        try {
            return m.find() ? LocalDate.parse(m.group(1)) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
