package org.dailypapers.collection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of collections. Item positions are integers, smallest first, with gaps allowed: a new paper goes
 * after the last, a move swaps two neighbours' positions inside one transaction. As the person's
 * {@link org.dailypapers.account.PersonalData}: exports their collections with items and notes; erases them.
 */
final class CollectionRepository implements org.dailypapers.account.PersonalData {
    /** A row of collection_item without its paper. */
    record Row(String arxivId, int position, String note, Instant addedAt) {}

    private static final String SELECT = "SELECT c.id, c.account_id, a.handle, COALESCE(a.display_name, a.handle) AS owner_name,"
            + " c.name, c.description, c.is_public, c.created_at, c.updated_at,"
            + " (SELECT COUNT(*) FROM collection_item i WHERE i.collection_id = c.id) AS size"
            + " FROM paper_collection c JOIN account a ON a.id = c.account_id";

    private final Database database;

    CollectionRepository(Database database) {
        this.database = database;
    }

    void insert(String id, String accountId, String name, String description, boolean isPublic, Instant now) {
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO paper_collection (id, account_id, name, description, is_public,"
                        + " created_at, updated_at) VALUES (:id, :account, :name, :description, :public, :now, :now)")
                .bind("id", id).bind("account", accountId).bind("name", name).bind("description", description)
                .bind("public", isPublic ? 1 : 0).bind("now", now.toEpochMilli()).execute());
    }

    void update(String id, String name, String description, boolean isPublic, Instant now) {
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE paper_collection SET name = :name, description = :description,"
                        + " is_public = :public, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("name", name).bind("description", description).bind("public", isPublic ? 1 : 0)
                .bind("now", now.toEpochMilli()).execute());
    }

    void delete(String id) {
        database.jdbi().useTransaction(h -> {
            h.createUpdate("DELETE FROM collection_item WHERE collection_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM paper_collection WHERE id = :id").bind("id", id).execute();
        });
    }

    Optional<PaperCollection> find(String id) {
        return database.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE c.id = :id").bind("id", id)
                .map(CollectionRepository::collection).findOne());
    }

    /** A person's collections, newest first; private ones only when {@code withPrivate}. */
    List<PaperCollection> ownedBy(String accountId, boolean withPrivate) {
        return database.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE c.account_id = :account"
                        + (withPrivate ? "" : " AND c.is_public = 1") + " ORDER BY c.created_at DESC, c.id")
                .bind("account", accountId).map(CollectionRepository::collection).list());
    }

    int countOwnedBy(String accountId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM paper_collection WHERE account_id = :account")
                .bind("account", accountId).mapTo(Integer.class).one());
    }

    /** The items, in order. */
    List<Row> items(String collectionId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT arxiv_id, position, note, added_at FROM collection_item"
                        + " WHERE collection_id = :id ORDER BY position, added_at, arxiv_id")
                .bind("id", collectionId)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3) == null ? "" : rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))))
                .list());
    }

    /** The ids of this person's collections that hold the paper. */
    List<String> holding(String accountId, String arxivId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT c.id FROM paper_collection c JOIN collection_item i"
                        + " ON i.collection_id = c.id WHERE c.account_id = :account AND i.arxiv_id = :paper")
                .bind("account", accountId).bind("paper", arxivId).mapTo(String.class).list());
    }

    /** The papers in any of this person's collections, each once, in id order. */
    List<String> collected(String accountId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT i.arxiv_id FROM paper_collection c"
                        + " JOIN collection_item i ON i.collection_id = c.id WHERE c.account_id = :account ORDER BY i.arxiv_id")
                .bind("account", accountId).mapTo(String.class).list());
    }

    /**
     * Adds the paper after the last item unless it is there already or the collection holds {@code max}.
     *
     * @return whether it is in the collection afterwards
     */
    boolean add(String collectionId, String arxivId, int max, Instant now) {
        return database.jdbi().inTransaction(h -> {
            touch(h, collectionId, now); // writes first: see VoteRepository on SQLite's deferred transactions
            boolean present = h.createQuery("SELECT COUNT(*) FROM collection_item WHERE collection_id = :c AND arxiv_id = :p")
                    .bind("c", collectionId).bind("p", arxivId).mapTo(Integer.class).one() > 0;
            if (present) {
                return true;
            }
            int size = h.createQuery("SELECT COUNT(*) FROM collection_item WHERE collection_id = :c")
                    .bind("c", collectionId).mapTo(Integer.class).one();
            if (size >= max) {
                return false;
            }
            h.createUpdate("INSERT INTO collection_item (collection_id, arxiv_id, position, note, added_at) VALUES (:c, :p,"
                            + " (SELECT COALESCE(MAX(position), 0) + 1 FROM collection_item WHERE collection_id = :c), NULL, :now)")
                    .bind("c", collectionId).bind("p", arxivId).bind("now", now.toEpochMilli()).execute();
            return true;
        });
    }

    /** @return whether the paper was in the collection */
    boolean remove(String collectionId, String arxivId, Instant now) {
        return database.jdbi().inTransaction(h -> {
            touch(h, collectionId, now);
            return h.createUpdate("DELETE FROM collection_item WHERE collection_id = :c AND arxiv_id = :p")
                    .bind("c", collectionId).bind("p", arxivId).execute() == 1;
        });
    }

    /** @return whether the paper is in the collection */
    boolean setNote(String collectionId, String arxivId, String note, Instant now) {
        return database.jdbi().inTransaction(h -> {
            touch(h, collectionId, now);
            return h.createUpdate("UPDATE collection_item SET note = :note WHERE collection_id = :c AND arxiv_id = :p")
                    .bind("c", collectionId).bind("p", arxivId).bind("note", note.isEmpty() ? null : note).execute() == 1;
        });
    }

    /**
     * Swaps the paper with its neighbour before ({@code up}) or after it.
     *
     * @return false when the paper is not in the collection; true otherwise, also when it is already first/last
     */
    boolean move(String collectionId, String arxivId, boolean up, Instant now) {
        return database.jdbi().inTransaction(h -> {
            touch(h, collectionId, now);
            List<Row> rows = h.createQuery("SELECT arxiv_id, position FROM collection_item WHERE collection_id = :c"
                            + " ORDER BY position, added_at, arxiv_id")
                    .bind("c", collectionId).map((rs, ctx) -> new Row(rs.getString(1), rs.getInt(2), "", null)).list();
            int at = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).arxivId().equals(arxivId)) {
                    at = i;
                }
            }
            if (at < 0) {
                return false;
            }
            int other = up ? at - 1 : at + 1;
            if (other >= 0 && other < rows.size()) {
                // Positions may tie (never made so here, but cheap to survive): renumber the two by their order.
                int first = Math.min(at, other);
                setPosition(h, collectionId, rows.get(first).arxivId(), rows.get(first + 1).position());
                setPosition(h, collectionId, rows.get(first + 1).arxivId(), rows.get(first).position());
                if (rows.get(first).position() == rows.get(first + 1).position()) {
                    setPosition(h, collectionId, rows.get(first).arxivId(), rows.get(first).position() + 1);
                }
            }
            return true;
        });
    }

    private static void setPosition(Handle h, String collectionId, String arxivId, int position) {
        h.createUpdate("UPDATE collection_item SET position = :pos WHERE collection_id = :c AND arxiv_id = :p")
                .bind("pos", position).bind("c", collectionId).bind("p", arxivId).execute();
    }

    private static void touch(Handle h, String collectionId, Instant now) {
        h.createUpdate("UPDATE paper_collection SET updated_at = :now WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("id", collectionId).execute();
    }

    @Override
    public String section() {
        return "collections";
    }

    @Override
    public Object export(String accountId) {
        return ownedBy(accountId, true).stream().map(c -> {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("id", c.id());
            out.put("name", c.name());
            out.put("description", c.description());
            out.put("public", c.isPublic());
            out.put("createdAt", c.createdAt().toString());
            out.put("updatedAt", c.updatedAt().toString());
            out.put("items", items(c.id()).stream().map(r -> java.util.Map.of("paper", r.arxivId(), "note", r.note(),
                    "addedAt", r.addedAt().toString())).toList());
            return out;
        }).toList();
    }

    /** Deletes every collection of the person, items first (inside the account deletion's transaction). */
    @Override
    public void erase(Handle h, String accountId) {
        h.createUpdate("DELETE FROM collection_item WHERE collection_id IN (SELECT id FROM paper_collection WHERE account_id = :a)")
                .bind("a", accountId).execute();
        h.createUpdate("DELETE FROM paper_collection WHERE account_id = :a").bind("a", accountId).execute();
    }

    private static PaperCollection collection(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new PaperCollection(rs.getString("id"), rs.getString("account_id"), rs.getString("handle"), rs.getString("owner_name"),
                rs.getString("name"), rs.getString("description") == null ? "" : rs.getString("description"),
                rs.getInt("is_public") == 1, rs.getInt("size"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
