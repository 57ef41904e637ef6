package org.dailypapers.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dailypapers.search.SearchDocument;

/**
 * The papers of one Solr collection or alias: writes (documents with their vectors, deletions, commits) and the
 * few reads that are not searches. Documents have the fields of the embedded index (see schema.xml and the
 * embedded {@code DocumentMapper}). Thread-safe.
 */
public final class SolrPaperIndex {

    /** A document and its vector (null: none yet; the dense side cannot see it). */
    public record Entry(SearchDocument doc, float[] vector) {}

    private final SolrHttp solr;
    private final String collection;

    /** @param collection a collection or an alias name */
    public SolrPaperIndex(SolrHttp solr, String collection) {
        this.solr = solr;
        this.collection = collection;
    }

    public String collection() {
        return collection;
    }

    SolrHttp http() {
        return solr;
    }

    /** Adds or replaces these papers (by id); visible after {@link #commit()}. */
    public void upsert(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        ArrayNode docs = SolrHttp.json().createArrayNode();
        entries.forEach(e -> docs.add(toSolr(e.doc(), e.vector())));
        solr.postJson(collection + "/update", Map.of(), docs);
    }

    public void delete(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        ObjectNode body = SolrHttp.json().createObjectNode();
        ArrayNode list = body.putArray("delete");
        ids.forEach(list::add);
        solr.postJson(collection + "/update", Map.of(), body);
    }

    /** Makes every write durable and visible to searches. */
    public void commit() {
        solr.get(collection + "/update", Map.of("commit", "true", "waitSearcher", "true"));
    }

    public long count() {
        return solr.get(collection + "/select", Map.of("q", "*:*", "rows", "0")).path("response").path("numFound").asLong();
    }

    /** Those of {@code ids} that are indexed without a vector (the dense side cannot see them). */
    public Set<String> withoutVector(Set<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (List<String> chunk : chunks(ids, 500)) {
            JsonNode r = select(Map.of("q", "{!terms f=id separator=\" \"}" + String.join(" ", chunk),
                    "fq", "has_vector:0", "fl", "id", "rows", Integer.toString(chunk.size())));
            r.path("response").path("docs").forEach(d -> out.add(d.path("id").asText()));
        }
        return out;
    }

    /** Id to {@link SearchDocument#version()} and vector of the given papers that this collection holds. */
    public Map<String, Stored> stored(Collection<String> ids) {
        Map<String, Stored> out = new HashMap<>();
        for (List<String> chunk : chunks(ids, 500)) {
            JsonNode r = select(Map.of("q", "{!terms f=id separator=\" \"}" + String.join(" ", chunk),
                    "fl", "id,version,vector", "rows", Integer.toString(chunk.size())));
            for (JsonNode d : r.path("response").path("docs")) {
                float[] v = null;
                if (d.has("vector")) {
                    JsonNode a = d.get("vector");
                    v = new float[a.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) a.get(i).asDouble();
                    }
                }
                out.put(d.path("id").asText(), new Stored(d.path("version").asText(), v));
            }
        }
        return out;
    }

    /** What {@link #stored} returns of a paper. */
    public record Stored(String version, float[] vector) {}

    /** A search by request parameters, sent as a JSON body (a long id list would not fit in a URL). */
    JsonNode select(Map<String, String> params) {
        ObjectNode body = SolrHttp.json().createObjectNode();
        ObjectNode p = body.putObject("params");
        params.forEach(p::put);
        return solr.postJson(collection + "/select", Map.of(), body);
    }

    JsonNode query(ObjectNode jsonRequest) {
        return solr.postJson(collection + "/select", Map.of(), jsonRequest);
    }

    /** The Solr document of a paper: the embedded index's fields (DocumentMapper.toLucene), by schema.xml's names. */
    static ObjectNode toSolr(SearchDocument d, float[] vector) {
        ObjectNode doc = SolrHttp.json().createObjectNode();
        doc.put("id", d.id());
        doc.put("version", d.version());
        doc.put("title", d.title());
        doc.put("abstract", d.abstractText());
        ArrayNode contents = doc.putArray("contents").add(d.title()).add(d.abstractText());
        d.keywords().forEach(contents::add);
        if (!d.keywords().isEmpty()) {
            ArrayNode k = doc.putArray("keywords");
            d.keywords().forEach(k::add);
        }
        if (!d.authors().isEmpty()) {
            ArrayNode a = doc.putArray("authors");
            d.authors().forEach(a::add);
        }
        if (!d.categories().isEmpty()) {
            ArrayNode lower = doc.putArray("category");
            ArrayNode stored = doc.putArray("category_stored");
            d.categories().forEach(c -> {
                lower.add(c.toLowerCase(Locale.ROOT));
                stored.add(c);
            });
        }
        if (d.organization() != null) {
            doc.put("org", d.organization().toLowerCase(Locale.ROOT));
        }
        if (d.day() != null) {
            doc.put("day", d.day().toEpochDay());
        }
        doc.put("has_code", d.hasCode() ? "1" : "0");
        doc.put("has_vector", vector != null ? "1" : "0");
        if (vector != null) {
            ArrayNode v = doc.putArray("vector");
            for (float f : vector) {
                v.add(f);
            }
        }
        return doc;
    }

    private static List<List<String>> chunks(Collection<String> ids, int size) {
        List<List<String>> out = new ArrayList<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}
