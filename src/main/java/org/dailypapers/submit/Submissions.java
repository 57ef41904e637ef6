package org.dailypapers.submit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.account.Refused;
import org.dailypapers.account.Refused.Reason;
import org.dailypapers.ingest.ArxivApiClient;
import org.dailypapers.ingest.ArxivApiException;
import org.dailypapers.ingest.PaperImporter;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.FeedDays;
import org.dailypapers.paper.FeedEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.PaperRepository;
import org.dailypapers.store.Database;

/**
 * Papers submitted to the day's feed by signed-in people. Rules, checked in this order, each refusal saying
 * why: a recognisable arXiv id or link; not already on the feed; an id that can exist by today (see
 * {@link ArxivId#impossibleAt}: refused without asking arXiv); never removed by a curator; at most
 * {@link SubmissionConfig#dailyLimit()} per person per feed day (removed submissions count; the count and
 * the claim are one atomic step); known to arXiv; published on arXiv within
 * {@link SubmissionConfig#windowDays()} days, unless the person is an accepted author of it ({@link Authorship}). An accepted paper is saved through the {@link PaperImporter}
 * (so the feed and search index follow) on today's feed day, "submitted by" the person's handle. Thread-safe.
 */
public final class Submissions {
    /** The longest input accepted for an id or link. */
    public static final int MAX_INPUT = 300;
    public static final int MAX_URL = 500;

    private final SubmissionRepository repository;
    private final PaperRepository papers;
    private final PaperImporter importer;
    private final ArxivApiClient arxiv;
    private final SubmissionConfig config;
    private final Clock clock;
    private final Authorship authors;

    public Submissions(Database database, PaperRepository papers, PaperImporter importer, SubmissionConfig config, Clock clock) {
        this(database, papers, importer, config, clock, Authorship.NONE);
    }

    /** @param authors who may submit a paper outside the window (accepted authorship claims) */
    public Submissions(Database database, PaperRepository papers, PaperImporter importer, SubmissionConfig config, Clock clock,
            Authorship authors) {
        this.authors = authors;
        this.repository = new SubmissionRepository(database);
        this.papers = papers;
        this.importer = importer;
        this.arxiv = new ArxivApiClient(config.arxivApiUrl(), config.arxivTimeout());
        this.config = config;
        this.clock = clock;
    }

    public SubmissionConfig config() {
        return config;
    }

    /**
     * Puts the paper named by {@code raw} (an arXiv id, an arxiv.org abs/pdf link or a huggingface.co/papers
     * link) on today's feed.
     *
     * @throws Refused INVALID when a rule refuses it, NOT_FOUND when arXiv does not know it, TOO_MANY over
     *     the daily limit, UNAVAILABLE when arXiv fails or is too slow
     */
    public ArxivId submit(Account account, String raw) {
        String input = raw == null ? "" : raw.strip();
        if (input.isEmpty()) {
            throw new Refused(Reason.INVALID, "Paper: give an arXiv id (2406.09414) or an arxiv.org or huggingface.co/papers link.");
        }
        if (input.length() > MAX_INPUT) {
            throw new Refused(Reason.INVALID, "Paper: at most " + MAX_INPUT + " characters (got " + input.length() + ").");
        }
        ArxivId id = ArxivId.parseLoose(input).orElseThrow(() -> new Refused(Reason.INVALID,
                "Paper: '" + shorten(input) + "' is not an arXiv id or an arxiv.org / huggingface.co/papers link."
                        + " Expected e.g. 2406.09414, https://arxiv.org/abs/2406.09414 or https://huggingface.co/papers/2406.09414."));
        Instant now = clock.instant();
        LocalDate today = FeedDays.dayOf(now);
        Instant dayStart = today.atStartOfDay(FeedDays.ZONE).toInstant();
        Optional<String> onFeed = repository.feedDay(id.value());
        if (onFeed.isPresent()) {
            throw new Refused(Reason.INVALID, "Paper " + id + " is already on the feed (" + onFeed.get() + ").");
        }
        Optional<String> impossible = id.impossibleAt(YearMonth.from(today));
        if (impossible.isPresent()) {
            throw new Refused(Reason.INVALID, "Paper: " + id + " cannot be an arXiv id: " + impossible.get() + ".");
        }
        switch (repository.claim(id.value(), account.id(), now, dayStart, config.dailyLimit())) {
            case CLAIMED -> { }
            case TAKEN -> throw new Refused(Reason.INVALID, "Paper " + id + " was just submitted by someone else.");
            case REMOVED -> throw new Refused(Reason.INVALID, "Paper " + id
                    + " was submitted before and removed from the feed by a curator: it cannot be submitted again.");
            case OVER_LIMIT -> throw new Refused(Reason.TOO_MANY, "You already submitted " + config.dailyLimit()
                    + " papers today, the most allowed per person per day. Please submit more tomorrow.");
        }
        try {
            Paper paper = fetch(id);
            LocalDate published = FeedDays.dayOf(paper.publishedAt());
            if (paper.publishedAt().isBefore(now.minus(Duration.ofDays(config.windowDays()))) && !authors.isAuthor(account, id)) {
                throw new Refused(Reason.INVALID, "Paper " + id + " was published on arXiv on " + published
                        + ": only papers from the last " + config.windowDays() + " days can be submitted.");
            }
            FeedEntry entry = new FeedEntry(id, today, now, account.handle(), 0, 0);
            importer.importRecords(List.of(new PaperRecord(paper, entry, today)));
            return id;
        } catch (RuntimeException e) {
            repository.release(id.value());
            throw e;
        }
    }

    private Paper fetch(ArxivId id) {
        try {
            return arxiv.find(id).orElseThrow(() -> new Refused(Reason.NOT_FOUND, "arXiv does not know a paper " + id + "."));
        } catch (ArxivApiException e) {
            throw switch (e.kind()) {
                case REJECTED -> new Refused(Reason.INVALID, "arXiv refused the id " + id + ": " + e.getMessage() + ".");
                case UNAVAILABLE -> new Refused(Reason.UNAVAILABLE, e.getMessage() + ", so we could not check " + id
                        + ". Nothing was saved; please try again in a few minutes.");
            };
        }
    }

    /**
     * Sets the GitHub repository and project page of a paper this person submitted (blank leaves a field as
     * it is).
     *
     * @throws Refused FORBIDDEN when someone else submitted it, INVALID for a malformed link
     */
    public void addLinks(Account account, ArxivId id, String githubRaw, String projectRaw) {
        if (!repository.submitter(id.value()).map(account.id()::equals).orElse(false)) {
            throw new Refused(Reason.FORBIDDEN, "Only the person who submitted " + id + " can add its links.");
        }
        String github = link("GitHub repository", githubRaw, "https://github.com/");
        String project = link("Project page", projectRaw, null);
        if (github != null && !github.matches("https://github\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/?")) {
            throw new Refused(Reason.INVALID, "GitHub repository: expected https://github.com/OWNER/REPOSITORY.");
        }
        if (github == null && project == null) {
            return;
        }
        PaperRecord stored = papers.find(id).orElseThrow(() -> new Refused(Reason.NOT_FOUND, "No paper " + id + " here."));
        Paper p = stored.paper();
        Paper updated = new Paper(p.id(), p.title(), p.summary(), p.authors(), p.publishedAt(), p.categories(), p.comment(),
                p.organization(), github != null ? github.replaceAll("/$", "") : p.githubRepo(), p.githubStars(),
                project != null ? project : p.projectPage(), p.keywords(), p.aiSummary());
        importer.importRecords(List.of(new PaperRecord(updated, null, stored.asOf())));
    }

    private static String link(String field, String raw, String requiredPrefix) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_URL) {
            throw new Refused(Reason.INVALID, field + ": at most " + MAX_URL + " characters (got " + value.length() + ").");
        }
        try {
            URI uri = new URI(value);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || (requiredPrefix != null && !value.startsWith(requiredPrefix))) {
                throw new java.net.URISyntaxException(value, "not a web address");
            }
        } catch (java.net.URISyntaxException e) {
            throw new Refused(Reason.INVALID, field + ": '" + shorten(value) + "' is not "
                    + (requiredPrefix != null ? "a " + requiredPrefix + " address." : "an http(s) web address."));
        }
        return value;
    }

    /** Whether the paper is on the feed (of any day), so a refusal can point to it. */
    public boolean isOnFeed(ArxivId id) {
        return repository.feedDay(id.value()).isPresent();
    }

    /** The account id of who submitted the paper here, if someone did. */
    public Optional<String> submitterId(ArxivId id) {
        return repository.submitter(id.value());
    }

    /** The papers this person submitted, newest first (at most {@code limit}). */
    public List<ArxivId> submittedBy(Account account, int limit) {
        return repository.submittedBy(account.id(), limit).stream().map(ArxivId::new).toList();
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
