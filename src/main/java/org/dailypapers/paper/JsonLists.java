package org.dailypapers.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Lists of strings stored as JSON array text: portable across SQLite and PostgreSQL. */
final class JsonLists {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private JsonLists() {}

    static String write(List<String> values) {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a list of strings", e);
        }
    }

    static List<String> read(String json) {
        try {
            return json == null ? List.of() : MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON list in the database: " + json, e);
        }
    }
}
