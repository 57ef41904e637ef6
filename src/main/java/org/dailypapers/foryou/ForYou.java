package org.dailypapers.foryou;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dailypapers.account.Account;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.feed.FeedService;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.FeedPaper;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.search.PaperSearch;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.store.Database;
import org.dailypapers.vote.Upvotes;

/**
 * A person's "for you" feed: what they told us (upvotes, "more like this" / "not interested", papers picked at
 * the first visit or opened from search, follows, topics) trains their {@link PersonalModel}, which ranks a
 * period's papers blended with the community's upvotes ({@link ForYouRanker}). Models are cached per person and
 * retrained only when their signals change. Thread-safe.
 */
public final class ForYou {
    /** At most this many follows per person, and characters per followed value. */
    public static final int MAX_FOLLOWS = 200, MAX_VALUE_LENGTH = 200;
    /** Papers a topic contributes as liked examples: its best search results. */
    static final int PAPERS_PER_TOPIC = 5;
    /** Cosine similarity at which a liked paper counts as "like" a candidate in a card's reason. */
    static final double LIKE_SIMILARITY = 0.8;
    /** The least weight of an explicit follow in the ranking. */
    static final double EXPLICIT_FOLLOW_WEIGHT = 1;

    private final ForYouRepository repository;
    private final FeedService feed;
    private final PaperSearch search;
    private final Upvotes upvotes;
    private final ForYouRanker ranker;
    private final boolean likedAuthorsFollowed;
    private final Clock clock;
    private final Cache<String, float[]> vectors = Caffeine.newBuilder().maximumSize(200_000).build();
    /** Models weigh their feature count (a double each: ~35,000 terms, ~280 KB): at most about 64 MB in all. */
    private final Cache<String, Trained> models = Caffeine.newBuilder().maximumWeight(8_000_000)
            .<String, Trained>weigher((id, t) -> t.model().features().size()).expireAfterAccess(Duration.ofDays(1)).build();
    /** The terms of papers outside the corpus (liked long ago, say): a bag of terms is some 30 KB. */
    private final Cache<String, Map<String, Integer>> terms = Caffeine.newBuilder().maximumSize(2_000).build();
    /**
     * The corpus, by the feed's latest day: fitting its vocabulary takes seconds, so votes (which change the
     * feed's generation) do not refit it; a new day does. Papers added to the latest day meanwhile are ranked
     * from their own terms until then.
     */
    private final Cache<Optional<LocalDate>, Corpus> corpus = Caffeine.newBuilder().maximumSize(1).build();

    public ForYou(Database database, FeedService feed, PaperSearch search, Upvotes upvotes, RankerParams params,
                  Clock clock) {
        this.repository = new ForYouRepository(database);
        this.feed = feed;
        this.search = search;
        this.upvotes = upvotes;
        // what someone says they follow counts at least one standard deviation of relevance, even where the
        // evaluation (which has no explicit follows, only the authors of liked papers) chose less
        this.ranker = new ForYouRanker(params.withFollowWeight(Math.max(EXPLICIT_FOLLOW_WEIGHT, params.followWeight())));
        this.likedAuthorsFollowed = params.followWeight() > 0;
        this.clock = clock;
    }

    // --- what people tell us

    public void signal(Account account, ArxivId paper, SignalKind kind) {
        repository.signal(account.id(), paper.value(), kind, clock.instant());
    }

    /** Takes back "more like this" or "not interested" (an undo). */
    public void forget(Account account, ArxivId paper) {
        repository.forget(account.id(), paper.value());
    }

    public Map<String, SignalKind> signals(Account account) {
        return repository.signals(account.id());
    }

    /**
     * Follows an author, organization, category or topic.
     *
     * @throws IllegalArgumentException when the value is blank or too long, or the person follows too much
     */
    public void follow(Account account, FollowKind kind, String value) {
        String v = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (v.isEmpty() || v.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("a followed " + kind.code() + " has 1 to " + MAX_VALUE_LENGTH
                    + " characters");
        }
        if (repository.follows(account.id()).size() >= MAX_FOLLOWS) {
            throw new IllegalArgumentException("you follow " + MAX_FOLLOWS + " things already; unfollow some first");
        }
        repository.follow(account.id(), kind, v, clock.instant());
    }

    public void unfollow(Account account, FollowKind kind, String value) {
        repository.unfollow(account.id(), kind, value == null ? "" : value.strip().replaceAll("\\s+", " "));
    }

    public List<Follow> follows(Account account) {
        return repository.follows(account.id());
    }

    public boolean follows(Account account, FollowKind kind, String value) {
        return follows(account).contains(new Follow(kind, value.strip().replaceAll("\\s+", " ")));
    }

    /** The person's settings, or the defaults (the evaluation's blend, no digest section). */
    public Settings settings(Account account) {
        return repository.settings(account.id()).orElse(new Settings(defaultBlendPercent(), false));
    }

    public void saveSettings(Account account, Settings settings) {
        repository.saveSettings(account.id(), settings, clock.instant());
    }

    public int defaultBlendPercent() {
        return (int) Math.round(ranker.params().blend() * 100);
    }

    /** Accounts whose digest gets a "For you" section. */
    public List<String> digestAccounts() {
        return repository.digestAccounts();
    }

    // --- ranking

    /** Whether the person has told us nothing yet: their first visit asks for topics or papers. */
    public boolean isNew(Account account) {
        return state(account).isEmpty();
    }

    /**
     * The whole period ranked for this person with their blend, "not interested" papers left out: what the
     * private for-you feed serves.
     */
    public List<FeedPaper> ranked(Account account, FeedPeriod period) {
        return list(account, period, settings(account).blendPercent(), Integer.MAX_VALUE).picks().stream()
                .map(Pick::paper).toList();
    }

    /** The top {@code limit} of the period for this person, with reasons, at this blend (0..100). */
    public ForYouList list(Account account, FeedPeriod period, int blendPercent, int limit) {
        State state = state(account);
        Corpus corpus = corpus();
        Trained trained = trained(account, state, corpus);
        Set<String> hidden = new HashSet<>();
        state.signals().forEach((id, kind) -> {
            if (kind == SignalKind.LESS) hidden.add(id);
        });
        List<FeedPaper> papers = feed.papers(period).stream()
                .filter(fp -> !hidden.contains(fp.paper().id().value())).toList();
        List<Candidate> candidates = new ArrayList<>(papers.size());
        Map<String, FeedPaper> byId = new java.util.HashMap<>();
        for (FeedPaper fp : papers) {
            String id = fp.paper().id().value();
            byId.put(id, fp);
            int ups = fp.entry() == null ? 0 : fp.entry().upvotes();
            Doc doc = corpus.byId().get(id);
            candidates.add(new Candidate(id, doc == null ? doc(fp.paper()) : doc, Math.log1p(ups), FollowKeys.of(fp.paper())));
        }
        List<RankedPaper> ranked = ranker.rank(trained.model(), candidates, blendPercent / 100.0);
        List<Pick> picks = new ArrayList<>();
        for (RankedPaper r : ranked.subList(0, Math.min(limit, ranked.size()))) {
            FeedPaper fp = byId.get(r.id());
            picks.add(new Pick(fp, r, Reasons.of(fp.paper(), r, trained, vector(r.id()), period)));
        }
        return new ForYouList(picks, papers.size(), !state.isEmpty(), blendPercent);
    }

    /** What the person told us, as far as ranking depends on it: equal states rank alike. */
    record State(Map<String, SignalKind> signals, Set<String> upvoted, List<Follow> follows, Set<String> collected,
                 List<String> digestTopics) {
        boolean isEmpty() {
            return upvoted.isEmpty() && follows.isEmpty() && collected.isEmpty() && digestTopics.isEmpty()
                    && signals.values().stream().noneMatch(SignalKind::liked);
        }
    }

    /** A trained model with what the cards' reasons need. */
    record Trained(State state, PersonalModel model, Set<String> followed, Set<String> likedAuthors,
                   List<float[]> upvotedVectors) {}

    private State state(Account account) {
        return new State(repository.signals(account.id()), upvotes.votedIds(account, 1000),
                repository.follows(account.id()), collected.apply(account), digestTopics.apply(account));
    }

    private Trained trained(Account account, State state, Corpus corpus) {
        Trained cached = models.getIfPresent(account.id());
        if (cached != null && cached.state().equals(state) && cached.model().features().vocabulary() == corpus.vocabulary()) {
            return cached;
        }
        Trained fresh = train(state, corpus);
        models.put(account.id(), fresh);
        return fresh;
    }

    private Trained train(State state, Corpus corpus) {
        Set<String> explicit = new LinkedHashSet<>(state.upvoted());
        explicit.addAll(state.collected()); // papers they put in their own collections count as liked
        List<String> disliked = new ArrayList<>();
        state.signals().forEach((id, kind) -> {
            if (kind == SignalKind.LESS) disliked.add(id);
            else if (kind != SignalKind.OPENED) explicit.add(id);
        });
        Set<String> liked = new LinkedHashSet<>(explicit);
        state.signals().forEach((id, kind) -> {
            if (kind == SignalKind.OPENED) liked.add(id);
        });
        // the topics of their digest subscription count as followed topics
        for (String topic : state.digestTopics()) {
            for (ScoredPaper s : search.searchRelevant(SearchRequest.of(topic, PAPERS_PER_TOPIC))) liked.add(s.id());
        }
        Set<String> followed = new HashSet<>();
        for (Follow f : state.follows()) {
            if (f.kind() == FollowKind.TOPIC) {
                for (ScoredPaper s : search.searchRelevant(SearchRequest.of(f.value(), PAPERS_PER_TOPIC))) {
                    liked.add(s.id());
                }
            } else {
                followed.add(FollowKeys.of(f));
            }
        }
        liked.removeAll(disliked);
        // the authors of papers they chose themselves, for the cards' reasons (the classifier has them as terms)
        Set<String> likedAuthors = new HashSet<>();
        for (PaperRecord r : search.recordsOf(List.copyOf(explicit))) {
            r.paper().authors().forEach(a -> likedAuthors.add(FollowKeys.author(a)));
        }
        Set<String> keys = new HashSet<>(followed);
        if (likedAuthorsFollowed) keys.addAll(likedAuthors);
        List<Doc> background = new ArrayList<>();
        for (int i = 0; i < corpus.papers().size() && background.size() < ranker.params().negatives(); i++) {
            String id = corpus.papers().get(i).id().value();
            if (!liked.contains(id) && !disliked.contains(id)) background.add(corpus.docs().get(i));
        }
        PersonalModel model = ranker.train(new Signals(docs(liked), docs(disliked), keys), background,
                corpus.vocabulary());
        return new Trained(state, model, followed, likedAuthors, vectors(state.upvoted()));
    }

    /**
     * The feed's papers, newest first (month by month back from the latest day, at most two years and the
     * ranker's number of negatives), and the vocabulary fitted on them: what every classifier is trained against,
     * the period being ranked included, as arxiv-sanity-lite trains against every paper it holds.
     */
    record Corpus(List<Paper> papers, List<Doc> docs, Map<String, Doc> byId, Vocabulary vocabulary) {}

    private Corpus corpus() {
        return corpus.get(feed.latestDay(), latest -> {
            List<Paper> papers = new ArrayList<>();
            YearMonth month = latest.map(YearMonth::from).orElse(null);
            for (int i = 0; month != null && i < 24 && papers.size() < ranker.params().negatives(); i++) {
                feed.papers(FeedPeriod.month(month)).forEach(fp -> papers.add(fp.paper()));
                month = month.minusMonths(1);
            }
            // two passes, each bag of terms made and dropped as it goes: the bags of 20,000 papers would not fit
            // the default heap beside everything else, their rows (~1 KB each) do
            Vocabulary vocabulary = Vocabulary.fit(() -> papers.stream().map(ForYou::terms).iterator(),
                    ranker.params().authorMinDf());
            List<Doc> docs = new ArrayList<>(papers.size());
            Map<String, Doc> byId = new java.util.HashMap<>();
            for (Paper p : papers) {
                Doc doc = new Doc(vector(p.id().value()), null, vocabulary.row(terms(p)));
                docs.add(doc);
                byId.put(p.id().value(), doc);
            }
            models.invalidateAll(); // every model read the old vocabulary: retrained on their next ranking
            return new Corpus(List.copyOf(papers), docs, byId, vocabulary);
        });
    }

    private List<Doc> docs(java.util.Collection<String> ids) {
        List<Doc> out = new ArrayList<>();
        for (PaperRecord r : search.recordsOf(List.copyOf(ids))) out.add(doc(r.paper()));
        return out;
    }

    private static Map<String, Integer> terms(Paper p) {
        return PaperTerms.of(p.title(), p.summary(), p.authors());
    }

    /** What the classifier reads of a paper; its terms are analysed once. */
    private Doc doc(Paper p) {
        String id = p.id().value();
        return new Doc(vector(id), terms.get(id, k -> PaperTerms.of(p.title(), p.summary(), p.authors())));
    }

    private List<float[]> vectors(java.util.Collection<String> ids) {
        List<float[]> out = new ArrayList<>();
        for (String id : ids) {
            float[] v = vector(id);
            if (v != null) out.add(v);
        }
        return out;
    }

    /** A paper's unit embedding; null until it has one (a missing one is looked up again next time). */
    private float[] vector(String id) {
        float[] v = vectors.getIfPresent(id);
        if (v == null) {
            v = ArxivId.parse(id).flatMap(search::vector).map(Vectors::unit).orElse(null);
            if (v != null) vectors.put(id, v);
        }
        return v;
    }

    // --- papers from other capabilities

    /** Where a person's digest topics come from; none until {@link #readDigestTopics} is called. */
    private volatile java.util.function.Function<Account, List<String>> digestTopics = account -> List.of();

    /**
     * Counts the topics of a person's digest subscription as followed topics: {@code topics} gives them (read on
     * every ranking, so a changed subscription counts at once; the digest is made after this service).
     */
    public void readDigestTopics(java.util.function.Function<Account, List<String>> topics) {
        this.digestTopics = java.util.Objects.requireNonNull(topics, "topics");
    }

    /** Where a person's collected papers come from; none until {@link #readCollections} is called. */
    private volatile java.util.function.Function<Account, Set<String>> collected = account -> Set.of();

    /**
     * Counts the papers in a person's own collections as liked: {@code collected} gives their arXiv ids (read on
     * every ranking, so a paper saved or removed changes the next one). Called once, when the app is wired.
     */
    public void readCollections(java.util.function.Function<Account, Set<String>> collected) {
        this.collected = java.util.Objects.requireNonNull(collected, "collected");
    }

    /** What the person said about one paper ("more like this", "not interested", ...), if anything. */
    public Optional<SignalKind> signal(Account account, ArxivId paper) {
        return repository.signal(account.id(), paper.value());
    }
}
