package org.dailypapers.collection;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dailypapers.account.Account;
import org.dailypapers.account.PersonalData;
import org.dailypapers.account.Refused;
import org.dailypapers.account.Refused.Reason;
import org.dailypapers.account.Tokens;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.store.Database;

/**
 * Collections: a signed-in person's named, ordered lists of papers, public or private, with a note per paper.
 *
 * <p>Who sees what: a public collection anyone; a private one its owner only, and to anyone else it does not
 * exist (the same refusal as an unknown id, so ids of private collections cannot be probed). Only the owner
 * changes a collection: another person gets {@link Reason#FORBIDDEN} for a public one and
 * {@link Reason#NOT_FOUND} for a private one. Text is stored as typed (views escape it) within the caps
 * below; anything over a cap is refused with a message that says the cap. Thread-safe.
 */
public final class PaperCollections {
    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_NOTE = 1_000;
    public static final int MAX_ITEMS = 1_000;
    public static final int MAX_COLLECTIONS = 200;

    private final CollectionRepository repository;
    private final PaperRepository papers;
    private final Clock clock;
    private final int maxItems;

    public PaperCollections(Database database, PaperRepository papers, Clock clock) {
        this(database, papers, clock, MAX_ITEMS);
    }

    /** With another cap on items per collection (tests reach it without a thousand papers). */
    PaperCollections(Database database, PaperRepository papers, Clock clock, int maxItems) {
        this.repository = new CollectionRepository(database);
        this.papers = papers;
        this.clock = clock;
        this.maxItems = maxItems;
    }

    /** Makes a collection; {@code description} may be null. */
    public PaperCollection create(Account owner, String name, String description, boolean isPublic) {
        String checkedName = name(name);
        String checkedDescription = description(description);
        if (repository.countOwnedBy(owner.id()) >= MAX_COLLECTIONS) {
            throw new Refused(Reason.INVALID, "You have " + MAX_COLLECTIONS + " collections, the most one person may have."
                    + " Delete one to make another.");
        }
        String id = Tokens.random().substring(0, 16).replace('-', 'x').replace('_', 'y');
        repository.insert(id, owner.id(), checkedName, checkedDescription, isPublic, clock.instant());
        return repository.find(id).orElseThrow();
    }

    public void update(Account owner, String collectionId, String name, String description, boolean isPublic) {
        String checkedName = name(name);
        String checkedDescription = description(description);
        repository.update(owned(owner, collectionId).id(), checkedName, checkedDescription, isPublic, clock.instant());
    }

    public void delete(Account owner, String collectionId) {
        repository.delete(owned(owner, collectionId).id());
    }

    /** The collection if {@code viewer} (empty: signed out) may see it. */
    public Optional<PaperCollection> find(String collectionId, Optional<Account> viewer) {
        return lookup(collectionId).filter(c -> c.isPublic() || viewer.map(a -> c.ownedBy(a.id())).orElse(false));
    }

    /** The collection and its papers if {@code viewer} may see it. */
    public Optional<CollectionContents> contents(String collectionId, Optional<Account> viewer) {
        return find(collectionId, viewer).map(this::contents);
    }

    /**
     * A public collection's papers in its order, for feeds (RSS/Atom) of collections: empty when there is no
     * such collection or it is private. What a feed of it may show is what its public page shows.
     */
    public Optional<CollectionContents> publicContents(String collectionId) {
        return contents(collectionId, Optional.empty());
    }

    /** A person's collections, newest first: all of them for the owner, the public ones for anyone else. */
    public List<PaperCollection> ownedBy(Account owner, Optional<Account> viewer) {
        return repository.ownedBy(owner.id(), viewer.map(v -> v.id().equals(owner.id())).orElse(false));
    }

    /** The person's collections, each with whether it holds {@code paper} (for the "save to collection" menu). */
    public Map<PaperCollection, Boolean> membership(Account owner, ArxivId paper) {
        Set<String> holding = Set.copyOf(repository.holding(owner.id(), paper.value()));
        Map<PaperCollection, Boolean> out = new LinkedHashMap<>();
        for (PaperCollection c : repository.ownedBy(owner.id(), true)) {
            out.put(c, holding.contains(c.id()));
        }
        return out;
    }

    /** The arXiv ids of the papers in any of the person's collections, public or private (for their for-you ranking). */
    public Set<String> collected(Account owner) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(repository.collected(owner.id())));
    }

    /** Puts the paper in the collection, after the last one (nothing changes when it is there already). */
    public void add(Account owner, String collectionId, ArxivId paper) {
        PaperCollection c = owned(owner, collectionId);
        if (papers.find(paper).isEmpty()) {
            throw new Refused(Reason.NOT_FOUND, "No paper " + paper + " here.");
        }
        if (!repository.add(c.id(), paper.value(), maxItems, clock.instant())) {
            throw new Refused(Reason.INVALID, "'" + c.name() + "' holds " + maxItems + " papers, the most a collection may hold.");
        }
    }

    /** Takes the paper out of the collection (nothing changes when it is not in it). */
    public void remove(Account owner, String collectionId, ArxivId paper) {
        repository.remove(owned(owner, collectionId).id(), paper.value(), clock.instant());
    }

    /** Moves the paper one place up (earlier) or down; the first stays first, the last last. */
    public void move(Account owner, String collectionId, ArxivId paper, boolean up) {
        if (!repository.move(owned(owner, collectionId).id(), paper.value(), up, clock.instant())) {
            throw notInCollection(paper);
        }
    }

    /** Sets the note on a paper of the collection; blank clears it. */
    public void setNote(Account owner, String collectionId, ArxivId paper, String note) {
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new Refused(Reason.INVALID, "A note has at most " + MAX_NOTE + " characters; this one has " + text.length() + ".");
        }
        if (!repository.setNote(owned(owner, collectionId).id(), paper.value(), text, clock.instant())) {
            throw notInCollection(paper);
        }
    }

    /** What a person made here (collections, items, notes) for their data export; erasing deletes their collections. */
    public PersonalData personalData() {
        return repository;
    }

    private CollectionContents contents(PaperCollection c) {
        List<CollectionRepository.Row> rows = repository.items(c.id());
        Map<String, PaperRecord> records = new HashMap<>();
        for (PaperRecord r : papers.findAll(rows.stream().map(row -> new ArxivId(row.arxivId())).toList())) {
            records.put(r.paper().id().value(), r);
        }
        return new CollectionContents(c, rows.stream().filter(row -> records.containsKey(row.arxivId()))
                .map(row -> new CollectionItem(records.get(row.arxivId()), row.note(), row.addedAt())).toList());
    }

    /** The collection when {@code owner} owns it; otherwise refused (404 for what they may not see, else 403). */
    private PaperCollection owned(Account owner, String collectionId) {
        PaperCollection c = find(collectionId, Optional.of(owner)).orElseThrow(() -> notFound(collectionId));
        if (!c.ownedBy(owner.id())) {
            throw new Refused(Reason.FORBIDDEN, "'" + c.name() + "' is " + c.ownerName() + "'s collection: only they can change it.");
        }
        return c;
    }

    private Optional<PaperCollection> lookup(String collectionId) {
        return collectionId == null || collectionId.length() > 32 ? Optional.empty() : repository.find(collectionId);
    }

    private static Refused notFound(String collectionId) {
        return new Refused(Reason.NOT_FOUND, "There is no collection " + shorten(collectionId) + " (or it is private).");
    }

    private static Refused notInCollection(ArxivId paper) {
        return new Refused(Reason.NOT_FOUND, "Paper " + paper + " is not in this collection.");
    }

    private static String name(String raw) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new Refused(Reason.INVALID, "A collection needs a name.");
        }
        if (name.length() > MAX_NAME) {
            throw new Refused(Reason.INVALID, "A collection's name has at most " + MAX_NAME + " characters; this one has " + name.length() + ".");
        }
        return name;
    }

    private static String description(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_DESCRIPTION) {
            throw new Refused(Reason.INVALID, "A description has at most " + MAX_DESCRIPTION + " characters; this one has " + text.length() + ".");
        }
        return text;
    }

    private static String shorten(String text) {
        String t = text == null ? "" : text;
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
