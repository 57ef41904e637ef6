package org.dailypapers.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.store.Database;

/**
 * {@link SharedVectors} in PostgreSQL's {@code paper_vector} table (float32, little-endian). A claim is a row
 * without a vector; it goes stale after {@link #CLAIM_TTL} (its node died or stopped), and then another node
 * may take it. Thread-safe.
 */
public final class SharedVectorRepository implements SharedVectors {
    /** Longer than any batch takes to encode on a loaded machine. */
    static final Duration CLAIM_TTL = Duration.ofMinutes(5);

    private final Database database;
    private final String node;
    private final Clock clock;
    private final Runnable onSaved;

    /** {@code onSaved}: tells the other nodes that vectors arrived (they look them up when told). */
    public SharedVectorRepository(Database database, String node, Clock clock, Runnable onSaved) {
        this.database = database;
        this.node = node;
        this.clock = clock;
        this.onSaved = onSaved;
    }

    @Override
    public Map<String, float[]> find(String model, List<SearchDocument> docs) {
        if (docs.isEmpty()) {
            return Map.of();
        }
        Map<String, String> versions = new HashMap<>();
        docs.forEach(d -> versions.put(d.id(), d.version()));
        Map<String, float[]> found = new HashMap<>();
        database.jdbi().useHandle(h -> h.createQuery(
                        "SELECT arxiv_id, version, vector FROM paper_vector WHERE model = :model AND arxiv_id IN (<ids>) AND vector IS NOT NULL")
                .bind("model", model).bindList("ids", List.copyOf(versions.keySet()))
                .map((rs, ctx) -> {
                    String id = rs.getString("arxiv_id");
                    if (rs.getString("version").equals(versions.get(id))) {
                        found.put(id, decode(rs.getBytes("vector")));
                    }
                    return id;
                }).list());
        return found;
    }

    @Override
    public List<SearchDocument> claim(String model, List<SearchDocument> docs) {
        long now = clock.millis();
        List<SearchDocument> mine = new ArrayList<>();
        database.jdbi().useHandle(h -> {
            for (SearchDocument doc : docs) {
                // Inserted, or taken over: a vector of an older text, or a claim whose node went quiet.
                boolean claimed = h.createQuery("""
                                INSERT INTO paper_vector (arxiv_id, model, version, vector, node, claimed_at)
                                VALUES (:id, :model, :version, NULL, :node, :now)
                                ON CONFLICT (arxiv_id, model) DO UPDATE
                                SET version = EXCLUDED.version, vector = NULL, node = EXCLUDED.node, claimed_at = EXCLUDED.claimed_at
                                WHERE paper_vector.version <> EXCLUDED.version
                                   OR (paper_vector.vector IS NULL AND (paper_vector.node = EXCLUDED.node OR paper_vector.claimed_at < :stale))
                                RETURNING arxiv_id""")
                        .bind("id", doc.id()).bind("model", model).bind("version", doc.version()).bind("node", node)
                        .bind("now", now).bind("stale", now - CLAIM_TTL.toMillis())
                        .mapTo(String.class).findOne().isPresent();
                if (claimed) {
                    mine.add(doc);
                }
            }
        });
        return mine;
    }

    @Override
    public void save(String model, List<SearchDocument> docs, List<float[]> vectors) {
        if (docs.isEmpty()) {
            return;
        }
        long now = clock.millis();
        database.jdbi().useTransaction(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO paper_vector (arxiv_id, model, version, vector, node, claimed_at)
                    VALUES (:id, :model, :version, :vector, :node, :now)
                    ON CONFLICT (arxiv_id, model) DO UPDATE
                    SET version = EXCLUDED.version, vector = EXCLUDED.vector, node = EXCLUDED.node, claimed_at = EXCLUDED.claimed_at""");
            for (int i = 0; i < docs.size(); i++) {
                batch.bind("id", docs.get(i).id()).bind("model", model).bind("version", docs.get(i).version())
                        .bind("vector", encode(vectors.get(i))).bind("node", node).bind("now", now).add();
            }
            batch.execute();
        });
        onSaved.run();
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
