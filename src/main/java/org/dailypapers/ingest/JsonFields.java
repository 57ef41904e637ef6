package org.dailypapers.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.paper.ArxivId;

/** Reading typed, validated fields out of a JSON record; every failure names the field. */
final class JsonFields {
    static final int MAX_TITLE = 2_000;
    static final int MAX_TEXT = 100_000;
    static final int MAX_URL = 2_000;
    static final int MAX_LIST = 10_000;

    private JsonFields() {}

    static ArxivId id(JsonNode node, String field) throws BadRecordException {
        String raw = requiredText(node, field, 100);
        return ArxivId.parse(raw).orElseThrow(() -> new BadRecordException("'" + field + "' is not an arXiv id: " + quote(raw)));
    }

    static String requiredText(JsonNode node, String field, int maxLength) throws BadRecordException {
        String value = text(node, field, maxLength);
        if (value == null || value.isBlank()) {
            throw new BadRecordException("'" + field + "' is missing or empty");
        }
        return value;
    }

    /** Text with NUL and other C0 controls (but tab and newlines) removed; null when absent or JSON null. */
    static String text(JsonNode node, String field, int maxLength) throws BadRecordException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRecordException("'" + field + "' must be a string, not " + value.getNodeType().name().toLowerCase());
        }
        String text = value.asText();
        if (text.length() > maxLength) {
            throw new BadRecordException("'" + field + "' is " + text.length() + " characters long (at most " + maxLength + ")");
        }
        return stripControls(text);
    }

    static String url(JsonNode node, String field) throws BadRecordException {
        String value = text(node, field, MAX_URL);
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        // Only web links: a javascript: or data: URL in a link would run in the reader's browser.
        if (!trimmed.regionMatches(true, 0, "https://", 0, 8) && !trimmed.regionMatches(true, 0, "http://", 0, 7)) {
            throw new BadRecordException("'" + field + "' is not an http(s) URL: " + quote(trimmed));
        }
        return trimmed;
    }

    static Integer nonNegativeInt(JsonNode node, String field) throws BadRecordException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            throw new BadRecordException("'" + field + "' must be a non-negative integer, not " + quote(value.toString()));
        }
        return value.asInt();
    }

    static Instant instant(JsonNode node, String field) throws BadRecordException {
        String raw = text(node, field, 64);
        if (raw == null) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new BadRecordException("'" + field + "' is not an ISO-8601 instant: " + quote(raw));
        }
    }

    static LocalDate date(JsonNode node, String field) throws BadRecordException {
        String raw = text(node, field, 64);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw.length() > 10 && raw.charAt(10) == 'T' ? raw.substring(0, 10) : raw);
        } catch (DateTimeParseException e) {
            throw new BadRecordException("'" + field + "' is not a date: " + quote(raw));
        }
    }

    /** A list of strings; items may also be objects, from which {@code nameField} is taken. */
    static List<String> strings(JsonNode node, String field, String nameField) throws BadRecordException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BadRecordException("'" + field + "' must be an array");
        }
        if (value.size() > MAX_LIST) {
            throw new BadRecordException("'" + field + "' has " + value.size() + " items (at most " + MAX_LIST + ")");
        }
        List<String> out = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            JsonNode text = item.isObject() && nameField != null ? item.get(nameField) : item;
            if (text == null || !text.isTextual()) {
                throw new BadRecordException("'" + field + "' holds an item that is not a " + (nameField == null ? "string" : "name"));
            }
            String s = stripControls(text.asText()).strip();
            if (s.length() > MAX_TITLE) {
                throw new BadRecordException("'" + field + "' holds an item of " + s.length() + " characters");
            }
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    static String stripControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
            }
        }
        return text;
    }

    static String quote(String raw) {
        String shown = raw.length() > 60 ? raw.substring(0, 60) + "…" : raw;
        return "\"" + shown + "\"";
    }
}
