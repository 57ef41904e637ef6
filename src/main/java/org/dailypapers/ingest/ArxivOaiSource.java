package org.dailypapers.ingest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.store.HarvestState;
import org.dailypapers.store.HarvestStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harvests arXiv through OAI-PMH ({@code ListRecords}, {@code metadataPrefix=arXivRaw}, by datestamp and
 * optionally a set), page by page along resumption tokens, waiting the politeness delay between requests.
 *
 * <p>Each page is saved (one transaction per importer batch) before the state row records the next page's
 * token, so a run killed at any point loses nothing, and the next run asks again for at most one page it
 * already saved, whose records then come out unchanged. A completed open-ended run moves the incremental
 * point to the day the harvest began on arXiv's clock (datestamps are days; re-asking for that day repeats a
 * few records, unchanged, and misses none). A run with {@code --until} leaves the incremental point alone.
 *
 * <p>OAI-PMH errors: {@code noRecordsMatch} is an empty result; a {@code badResumptionToken} for a stored
 * token (arXiv's expire) restarts that harvest from its start; every other error stops the run with its code.
 * A record that cannot become a paper is reported with its identifier and skipped; so is the rest of a page
 * whose XML is damaged inside ({@link OaiPmhPage#parse}). Not thread-safe: one run at a time per source.
 */
public final class ArxivOaiSource {
    /** How far back a source never harvested starts when no {@code --from} is given. */
    static final java.time.Period FIRST_RUN_WINDOW = java.time.Period.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(ArxivOaiSource.class);

    private final HarvestHttp http;
    private final URI baseUrl;
    private final Optional<String> set;
    private final Duration delay;
    private final HarvestStateRepository states;
    private final PaperImporter importer;
    private final Clock clock;

    ArxivOaiSource(HarvestHttp http, HarvestConfig config, HarvestStateRepository states, PaperImporter importer, Clock clock) {
        this.http = http;
        this.baseUrl = config.arxivBaseUrl();
        this.set = config.arxivSet();
        this.delay = config.arxivDelay();
        this.states = states;
        this.importer = importer;
        this.clock = clock;
    }

    /** The state row of this source: {@code arxiv-oai:SET}, or {@code arxiv-oai:*} for every set. */
    public String key() {
        return key(set);
    }

    /** The harvest state key of the arXiv source of a set (or of every set). */
    static String key(Optional<String> set) {
        return "arxiv-oai:" + set.orElse("*");
    }

    /**
     * Runs a harvest of records changed from {@code from} through {@code until} (both inclusive, days; null:
     * from where the last run stopped, through today). An unfinished harvest with the same range is resumed.
     * Failures of the source end the run early and are in the report; database failures are thrown.
     */
    public HarvestReport harvest(LocalDate from, LocalDate until, HarvestProgress progress) {
        if (from != null && until != null && from.isAfter(until)) {
            throw new IllegalArgumentException("--from " + from + " is after --until " + until);
        }
        int requestsBefore = http.requests();
        PaperImporter.Batch batch = importer.begin();
        HarvestState state = states.find(key());
        boolean resuming = state.inProgress() && (from == null || from.equals(state.rangeFrom()))
                && Objects.equals(until, state.rangeUntil());
        String token = resuming ? state.resumptionToken() : null;
        LocalDate rangeFrom = resuming ? state.rangeFrom()
                : from != null ? from : state.nextFrom() != null ? state.nextFrom() : today().minus(FIRST_RUN_WINDOW);
        LocalDate started = resuming ? state.startedOn() : null;
        if (resuming) {
            log.info("{}: resuming the harvest from {} at resumption token {}", key(), rangeFrom, token);
        }
        LocalDate newest = null;
        long done = 0;
        try {
            for (int page = 0; ; page++) {
                if (page > 0) {
                    http.pause(delay);
                }
                URI uri = token != null ? resumeUri(token) : firstUri(rangeFrom, until);
                OaiPmhPage response = fetch(uri);
                if (response.error() != null) {
                    String code = response.error().code();
                    if ("noRecordsMatch".equals(code)) {
                        started = started != null ? started : dayOf(response);
                        break;
                    }
                    if ("badResumptionToken".equals(code) && resuming && page == 0) {
                        log.warn("{}: arXiv no longer knows the stored resumption token ({}); harvesting again from {}",
                                key(), response.error().message(), rangeFrom);
                        token = null;
                        resuming = false;
                        started = null;
                        continue;
                    }
                    throw new HarvestException("arXiv OAI-PMH error " + code + ": " + response.error().message() + " (" + uri + ")");
                }
                started = started != null ? started : dayOf(response);
                for (OaiPmhPage.Record record : response.records()) {
                    newest = later(newest, save(record, batch));
                }
                if (response.damage() != null) {
                    batch.reject(new Rejection("arXiv page " + uri, response.damage()));
                }
                batch.flush();
                OaiPmhPage.Token next = response.token();
                done = next != null && next.cursor() != null ? next.cursor() + response.records().size() : done + response.records().size();
                progress.advanced(done, next != null && next.completeListSize() != null ? next.completeListSize() : -1);
                String previous = token;
                token = next != null && next.hasMore() ? next.value().strip() : null;
                if (token == null) {
                    break;
                }
                if (token.equals(previous)) {
                    // A server that hands back the token it was given would keep this run (and serve's scheduled
                    // run with it) asking forever.
                    throw new HarvestException("arXiv answered " + uri + " with the same resumption token again:"
                            + " stopping rather than asking forever");
                }
                state = state.paused(token, rangeFrom, until, started, newest);
                states.save(state);
            }
            state = state.completed(until == null ? started : null, newest);
            states.save(state);
            return report(requestsBefore, batch, "complete" + (until == null ? "" : " through " + until) + "; " + nextStart(state, until), null);
        } catch (HarvestException e) {
            // The report carries the failure; whoever ran the harvest (the command, the scheduler) says it once.
            log.debug("{}: the harvest stopped: {}", key(), e.getMessage());
            String resumption = state.inProgress()
                    ? "stopped; the next run resumes at resumption token " + state.resumptionToken()
                    : "stopped before any page was saved; the next run starts again at " + rangeFrom;
            return report(requestsBefore, batch, resumption, e.getMessage());
        }
    }

    /**
     * Where a run without dates will start, in words. A run with {@code --until} leaves the incremental start where
     * it was, which on a first run is nothing yet.
     */
    private static String nextStart(HarvestState state, LocalDate until) {
        if (state.nextFrom() != null) {
            return (until == null ? "" : "a run with --until leaves the incremental start alone: ") + "the next run starts at " + state.nextFrom();
        }
        return "no run without --until has completed yet, so the next run starts " + FIRST_RUN_WINDOW.getDays()
                + " days before the day it runs";
    }

    /** Saves one record through the batch; returns its asOf day, or null when it was skipped. */
    private static LocalDate save(OaiPmhPage.Record record, PaperImporter.Batch batch) {
        if (record.deleted()) {
            return null; // arXiv withdraws by new versions, not deletions; a deleted record has no metadata
        }
        try {
            if (record.tooLarge()) {
                throw new BadRecordException(RecordCap.tooLarge(record.length()));
            }
            PaperRecord paper = ArxivRawMapper.map(record);
            batch.accept(paper);
            return paper.asOf();
        } catch (BadRecordException e) {
            String id = record.identifier() == null || record.identifier().isBlank() ? "without <identifier>" : record.identifier();
            batch.reject(new Rejection("arXiv record " + id, e.getMessage()));
            return null;
        }
    }

    private OaiPmhPage fetch(URI uri) throws HarvestException {
        HarvestHttp.Response r = http.get(uri);
        boolean xml = looksLikeXml(r.body());
        if (r.status() != 200 && !(r.status() >= 400 && r.status() < 500 && xml)) {
            throw new HarvestException("HTTP " + r.status() + " from " + uri + ": " + r.bodyStart());
        }
        OaiPmhPage page;
        try {
            page = OaiPmhPage.parse(r.body());
        } catch (HarvestException e) {
            throw new HarvestException("arXiv answered " + uri + " (HTTP " + r.status() + ") with something else than "
                    + "OAI-PMH: " + e.getMessage(), e);
        }
        if (r.status() != 200 && page.error() == null) {
            throw new HarvestException("HTTP " + r.status() + " from " + uri + ": " + r.bodyStart());
        }
        return page;
    }

    private URI firstUri(LocalDate from, LocalDate until) {
        StringBuilder q = new StringBuilder("?verb=ListRecords&metadataPrefix=arXivRaw&from=").append(from);
        if (until != null) {
            q.append("&until=").append(until);
        }
        set.ifPresent(s -> q.append("&set=").append(URLEncoder.encode(s, StandardCharsets.UTF_8)));
        return URI.create(baseUrl + q.toString());
    }

    private URI resumeUri(String token) {
        return URI.create(baseUrl + "?verb=ListRecords&resumptionToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private HarvestReport report(int requestsBefore, PaperImporter.Batch batch, String resumption, String failure) {
        return new HarvestReport(key(), http.requests() - requestsBefore, batch.finish(), resumption, failure);
    }

    /** The day the source answered on (its responseDate), else today. */
    private LocalDate dayOf(OaiPmhPage page) {
        String raw = page.responseDate();
        try {
            return raw != null && raw.length() >= 10 ? LocalDate.parse(raw.substring(0, 10)) : today();
        } catch (DateTimeParseException e) {
            return today();
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static boolean looksLikeXml(byte[] body) {
        for (byte b : body) {
            if (b == '<') {
                return true;
            }
            if (!Character.isWhitespace(b) && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                return false;
            }
        }
        return false;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
