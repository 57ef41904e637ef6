package org.dailypapers.search;

import java.util.List;
import java.util.Map;

/**
 * Vectors shared by the server nodes of one database, so that a paper is encoded once however many nodes index
 * it: before encoding, a node takes what another computed for the same text, and claims what it encodes itself
 * so that no other node encodes it at the same time. One node alone shares nothing ({@link #NONE}).
 */
public interface SharedVectors {
    /** The vectors some node computed for these documents' current text, by id (absent: none yet). */
    Map<String, float[]> find(String model, List<SearchDocument> docs);

    /** Of {@code docs}, those this node may encode now: nobody has them, or their claim went stale. */
    List<SearchDocument> claim(String model, List<SearchDocument> docs);

    /** Stores what this node computed (or received with the demo data) for the others. */
    void save(String model, List<SearchDocument> docs, List<float[]> vectors);

    SharedVectors NONE = new SharedVectors() {
        @Override
        public Map<String, float[]> find(String model, List<SearchDocument> docs) {
            return Map.of();
        }

        @Override
        public List<SearchDocument> claim(String model, List<SearchDocument> docs) {
            return docs;
        }

        @Override
        public void save(String model, List<SearchDocument> docs, List<float[]> vectors) {}
    };
}
