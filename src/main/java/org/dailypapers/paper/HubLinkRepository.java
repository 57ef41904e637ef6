package org.dailypapers.paper;

import java.util.List;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * {@link HubLinks} in table {@code paper_hub_link}. A save merges field by field into what is stored
 * ({@link HubLinks#mergedWith}): ON CONFLICT with COALESCE, spelled the same in SQLite and PostgreSQL.
 * Thread-safe.
 */
public final class HubLinkRepository {
    private static final String UPSERT = """
            INSERT INTO paper_hub_link (arxiv_id, discussion_id, linked_models, linked_datasets, linked_spaces)
            VALUES (:id, :discussionId, :models, :datasets, :spaces)
            ON CONFLICT (arxiv_id) DO UPDATE SET
                discussion_id = COALESCE(excluded.discussion_id, paper_hub_link.discussion_id),
                linked_models = COALESCE(excluded.linked_models, paper_hub_link.linked_models),
                linked_datasets = COALESCE(excluded.linked_datasets, paper_hub_link.linked_datasets),
                linked_spaces = COALESCE(excluded.linked_spaces, paper_hub_link.linked_spaces)
            """;

    private final Database database;

    public HubLinkRepository(Database database) {
        this.database = database;
    }

    /** What is known of the paper, {@link HubLinks#none} when nothing is. */
    public HubLinks find(ArxivId id) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT discussion_id, linked_models, linked_datasets, linked_spaces FROM paper_hub_link WHERE arxiv_id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> new HubLinks(id, rs.getString(1), list(rs.getString(2)), list(rs.getString(3)), list(rs.getString(4))))
                .findOne()
                .orElse(HubLinks.none(id)));
    }

    /** Everything stored, by paper: what {@code export} writes beside each paper (one row per paper that has links). */
    public java.util.Map<ArxivId, HubLinks> all() {
        java.util.Map<ArxivId, HubLinks> links = new java.util.HashMap<>();
        database.jdbi().useHandle(h -> h.createQuery(
                        "SELECT arxiv_id, discussion_id, linked_models, linked_datasets, linked_spaces FROM paper_hub_link")
                .map((rs, ctx) -> {
                    String discussion = rs.getString(2);
                    List<String> models = list(rs.getString(3));
                    List<String> datasets = list(rs.getString(4));
                    List<String> spaces = list(rs.getString(5));
                    return ArxivId.parse(rs.getString(1)).map(id -> new HubLinks(id, discussion, models, datasets, spaces));
                })
                .forEach(found -> found.ifPresent(l -> links.put(l.id(), l))));
        return links;
    }

    /**
     * Saves links of papers that are already stored (call after their records are saved, or in the same
     * transaction), skipping those that say nothing.
     */
    public void saveAll(List<HubLinks> links) {
        List<HubLinks> telling = links.stream().filter(l -> !l.isEmpty()).toList();
        if (!telling.isEmpty()) {
            database.jdbi().useTransaction(h -> save(h, telling));
        }
    }

    static void save(Handle h, List<HubLinks> links) {
        var batch = h.prepareBatch(UPSERT);
        for (HubLinks l : links) {
            batch.bind("id", l.id().value())
                    .bind("discussionId", l.discussionId())
                    .bind("models", write(l.models()))
                    .bind("datasets", write(l.datasets()))
                    .bind("spaces", write(l.spaces()))
                    .add();
        }
        batch.execute();
    }

    private static String write(List<String> values) {
        return values == null ? null : JsonLists.write(values);
    }

    private static List<String> list(String json) {
        return json == null ? null : JsonLists.read(json);
    }

}
