package org.dailypapers.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
        int index = 0;
        try (JsonParser parser = json.getFactory().createParser(content)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                sink.reject(new Rejection(name, "expected a JSON array"));
                return;
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode node = parser.readValueAsTree();
                map(name + "[" + index + "]", node, day, sink);
                index++;
            }
        } catch (JsonProcessingException e) {
            sink.reject(new Rejection(name + "[" + index + "]", "malformed JSON, the rest of the file is skipped: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
    }

    private void readLines(String name, InputStream content, RecordSink sink) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String location = name + ":" + number;
            try {
                map(location, json.readTree(line), null, sink);
            } catch (JsonProcessingException e) {
                sink.reject(new Rejection(location, "malformed JSON: " + e.getOriginalMessage()));
            }
        }
    }

    private static void map(String location, JsonNode node, LocalDate day, RecordSink sink) {
        try {
            if (node == null || !node.isObject()) {
                throw new BadRecordException("expected a JSON object");
            } else if (node.has("paper")) {
                sink.accept(HfDailyPaperMapper.map(node, day));
            } else if (node.has("abstract")) {
                sink.accept(ArxivListingMapper.map(node));
            } else if (node.has("summary")) {
                sink.accept(ExportFormat.read(node));
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
