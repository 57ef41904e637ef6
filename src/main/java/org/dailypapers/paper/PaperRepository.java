package org.dailypapers.paper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.dailypapers.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Papers and feed entries in the database. Thread-safe. Writes are idempotent upserts: saving a record equal
 * to what is stored changes nothing and says {@link UpsertOutcome#UNCHANGED}.
 */
public final class PaperRepository {
    private static final PaperRowMapper MAPPER = new PaperRowMapper();

    private final Database database;
    private final Clock clock;

    public PaperRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Optional<PaperRecord> find(ArxivId id) {
        return database.jdbi().withHandle(h -> h.createQuery(PaperRowMapper.SELECT + " WHERE p.arxiv_id = :id")
                .bind("id", id.value())
                .map(MAPPER)
                .findOne());
    }

    /**
     * The ids of papers an administrator hid from the feed (few: read through an index). Search, profiles
     * and digests drop these, as the feed does.
     */
    public java.util.Set<String> hiddenIds() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT arxiv_id FROM feed_entry WHERE hidden = 1")
                .mapTo(String.class).set());
    }

    /** The papers with these ids that exist, in the order of {@code ids}. */
    public List<PaperRecord> findAll(List<ArxivId> ids) {
        Map<ArxivId, PaperRecord> found = database.jdbi().withHandle(h -> loadIds(h, ids));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    public long count() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM paper").mapTo(Long.class).one());
    }

    /**
     * Saves records in one transaction, merging each into what is stored ({@link Paper#mergedWith},
     * {@link FeedEntry#mergedWith}). Records with the same id within the batch are merged in order.
     *
     * @return one outcome per record, in order
     */
    public List<UpsertOutcome> saveAll(List<PaperRecord> records) {
        return database.jdbi().inTransaction(h -> {
            Map<ArxivId, PaperRecord> stored = load(h, records);
            Map<ArxivId, PaperRecord> changed = new LinkedHashMap<>();
            List<UpsertOutcome> outcomes = new ArrayList<>(records.size());
            for (PaperRecord incoming : records) {
                ArxivId id = incoming.paper().id();
                PaperRecord before = changed.getOrDefault(id, stored.get(id));
                PaperRecord after = before == null ? incoming : merge(before, incoming);
                if (before != null && withoutOrganizationDetails(after).equals(withoutOrganizationDetails(before))) {
                    outcomes.add(UpsertOutcome.UNCHANGED);
                } else {
                    outcomes.add(stored.containsKey(id) || changed.containsKey(id) ? UpsertOutcome.UPDATED : UpsertOutcome.NEW);
                    changed.put(id, after);
                }
            }
            writeOrganizations(h, records);
            write(h, changed.values(), stored.keySet());
            return outcomes;
        });
    }

    /**
     * At most {@code limit} papers whose id sorts after {@code afterId} ("" for the first page), in id order,
     * leaving out those an administrator hid: keyset pages, so papers added meanwhile never shift a page.
     */
    public List<PaperRecord> visibleAfter(String afterId, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery(PaperRowMapper.SELECT
                        + " WHERE p.arxiv_id > :after AND (f.hidden IS NULL OR f.hidden = 0) ORDER BY p.arxiv_id LIMIT :limit")
                .bind("after", afterId)
                .bind("limit", limit)
                .map(MAPPER)
                .list());
    }

    /** What imports saw of the paper's discussion id and linked repositories on Hugging Face. */
    public HubLinks hubLinks(ArxivId id) {
        return new HubLinkRepository(database).find(id);
    }

    /** Every paper's {@link HubLinks} that says something, by paper (for export). */
    public java.util.Map<ArxivId, HubLinks> allHubLinks() {
        return new HubLinkRepository(database).all();
    }

    /** Saves what imports saw of Hugging Face's discussion ids and linked repositories ({@link HubLinkRepository}). */
    public void saveHubLinks(List<HubLinks> links) {
        new HubLinkRepository(database).saveAll(links);
    }

    /** Streams every paper in id order to {@code sink}, a page at a time (for export and reindexing). */
    public void forEach(Consumer<PaperRecord> sink) {
        String after = "";
        while (true) {
            String from = after;
            List<PaperRecord> page = database.jdbi().withHandle(h -> h.createQuery(
                            PaperRowMapper.SELECT + " WHERE p.arxiv_id > :after ORDER BY p.arxiv_id LIMIT 1000")
                    .bind("after", from)
                    .map(MAPPER)
                    .list());
            if (page.isEmpty()) {
                return;
            }
            page.forEach(sink);
            after = page.getLast().paper().id().value();
        }
    }

    /**
     * Organizations are shared rows: their display name and avatar change without any paper changing, and
     * records of one organization disagree about its avatar. So a paper compares by organization name only.
     */
    private static PaperRecord withoutOrganizationDetails(PaperRecord r) {
        Organization org = r.paper().organization();
        if (org == null) {
            return r;
        }
        Paper p = r.paper();
        Paper bare = new Paper(p.id(), p.title(), p.summary(), p.authors(), p.publishedAt(), p.categories(), p.comment(),
                new Organization(org.name(), org.name(), null), p.githubRepo(), p.githubStars(), p.projectPage(),
                p.keywords(), p.aiSummary());
        return new PaperRecord(bare, r.entry(), r.asOf());
    }

    private static void writeOrganizations(Handle h, List<PaperRecord> records) {
        Map<String, Organization> latest = new LinkedHashMap<>();
        for (PaperRecord r : records) {
            Organization org = r.paper().organization();
            if (org != null) {
                latest.merge(org.name(), org, Organization::mergedWith);
            }
        }
        PreparedBatch orgs = h.prepareBatch(PaperSql.UPSERT_ORGANIZATION);
        latest.values().forEach(org -> PaperSql.bindOrganization(orgs, org).add());
        if (orgs.size() > 0) {
            orgs.execute();
        }
    }

    /** Merges two records of one paper; the text of the newer ({@link PaperRecord#asOf}) wins. */
    private static PaperRecord merge(PaperRecord before, PaperRecord incoming) {
        FeedEntry entry = before.entry() == null
                ? incoming.entry()
                : incoming.entry() == null ? before.entry() : before.entry().mergedWith(incoming.entry());
        boolean incomingIsNewer = !incoming.asOf().isBefore(before.asOf());
        Paper paper = incomingIsNewer
                ? before.paper().mergedWith(incoming.paper())
                : incoming.paper().mergedWith(before.paper());
        return new PaperRecord(paper, entry, incomingIsNewer ? incoming.asOf() : before.asOf());
    }

    /** Stored records with their imported upvotes only: local votes are counted apart and never merged in. */
    private static Map<ArxivId, PaperRecord> load(Handle h, List<PaperRecord> records) {
        return loadIds(h, records.stream().map(r -> r.paper().id()).toList(), PaperRowMapper.SELECT_IMPORTED);
    }

    private static Map<ArxivId, PaperRecord> loadIds(Handle h, List<ArxivId> wanted) {
        return loadIds(h, wanted, PaperRowMapper.SELECT);
    }

    private static Map<ArxivId, PaperRecord> loadIds(Handle h, List<ArxivId> wanted, String select) {
        Map<ArxivId, PaperRecord> stored = new LinkedHashMap<>();
        List<String> ids = wanted.stream().map(ArxivId::value).distinct().toList();
        for (int i = 0; i < ids.size(); i += 500) {
            h.createQuery(select + " WHERE p.arxiv_id IN (<ids>)")
                    .bindList("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .map(MAPPER)
                    .forEach(r -> stored.put(r.paper().id(), r));
        }
        return stored;
    }

    private void write(Handle h, Iterable<PaperRecord> changed, java.util.Set<ArxivId> existing) {
        long now = clock.millis();
        PreparedBatch inserts = h.prepareBatch(PaperSql.INSERT_PAPER);
        PreparedBatch updates = h.prepareBatch(PaperSql.UPDATE_PAPER);
        PreparedBatch entries = h.prepareBatch(PaperSql.UPSERT_FEED_ENTRY);
        for (PaperRecord r : changed) {
            Paper p = r.paper();
            PaperSql.bindPaper(existing.contains(p.id()) ? updates : inserts, r, now).add();
            if (r.entry() != null) {
                PaperSql.bindEntry(entries, r.entry()).add();
            }
        }
        for (PreparedBatch batch : List.of(inserts, updates, entries)) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }
}
