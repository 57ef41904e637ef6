package org.dailypapers.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.paper.FeedDays;
import org.dailypapers.store.HarvestState;
import org.dailypapers.store.HarvestStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harvests Hugging Face's daily papers: {@code GET /api/daily_papers?date=D} for each day of a range (pages of
 * {@code limit} items, {@code p} from 0, while a page comes back full and differs from the one before), each item mapped by
 * {@link HfDailyPaperMapper} and saved by the importer, so upvotes, organizations, GitHub links and stars are
 * upserted exactly as {@code import} does. A day is saved before the next is asked for.
 *
 * <p>Without {@code --from}, a run starts {@value #REFRESH_DAYS} days before the last day harvested (their
 * upvotes still grow, and the larger count wins), or a week back the first time; without {@code --until}
 * it ends today in New York time, the feed's clock. A bad item is reported with its URL and index and
 * skipped; a failed request stops the run (days before it stay saved). Not thread-safe: one run at a time.
 */
public final class HfDailyPapersSource {
    static final int REFRESH_DAYS = 2;
    static final String KEY = "hf";
    static final int FIRST_RUN_DAYS = 7;
    /**
     * Hugging Face's default page size: surely accepted (a larger limit might be capped silently, and a capped
     * page would look like the last one). A feed day rarely has more than 50 papers; then p=1 is asked.
     */
    static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGES_PER_DAY = 50;
    private static final Logger log = LoggerFactory.getLogger(HfDailyPapersSource.class);

    private final HarvestHttp http;
    private final URI baseUrl;
    private final Duration delay;
    private final HarvestStateRepository states;
    private final PaperImporter importer;
    private final Clock clock;
    private final int pageSize;
    private final ObjectMapper json = new ObjectMapper();

    HfDailyPapersSource(HarvestHttp http, HarvestConfig config, HarvestStateRepository states, PaperImporter importer,
            Clock clock, int pageSize) {
        this.http = http;
        this.baseUrl = config.hfBaseUrl();
        this.delay = config.hfDelay();
        this.states = states;
        this.importer = importer;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    public String key() {
        return KEY;
    }

    /**
     * Harvests the feed days {@code from} through {@code until} (inclusive; null: the defaults above).
     * Failures of the source end the run early and are in the report; database failures are thrown.
     */
    public HarvestReport harvest(LocalDate from, LocalDate until, HarvestProgress progress) {
        HarvestState state = states.find(key());
        LocalDate today = LocalDate.ofInstant(clock.instant(), FeedDays.ZONE);
        if (state.lastDatestamp() != null && state.lastDatestamp().isAfter(today)) {
            // recorded by an --until in the future before those were stopped at today: every run without --from
            // would start after today and fail, so the incremental state starts again as on a first run
            log.warn("{}: the last day harvested is recorded as {}, after today ({}); starting again from a week back",
                    key(), state.lastDatestamp(), today);
            state = HarvestState.none(key());
        }
        if (from != null && from.isAfter(today)) {
            throw new IllegalArgumentException("--from " + from + " is after today (" + today
                    + " in New York, the feed's clock): there is no feed for it yet");
        }
        // days after today have no feed yet: asking for them would record a future day as harvested, and
        // the next run would start after the days still to come
        LocalDate last = until == null || until.isAfter(today) ? today : until;
        LocalDate first = from != null ? from
                : state.lastDatestamp() != null ? state.lastDatestamp().minusDays(REFRESH_DAYS) : today.minusDays(FIRST_RUN_DAYS - 1);
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("--from " + first + " is after --until " + last);
        }
        // The stored day means "harvested through here". A run that starts after the day following it leaves
        // a gap: it must not move the day past the gap, or the next run would start after days never asked for.
        LocalDate through = state.lastDatestamp();
        boolean joins = through == null || !first.isAfter(through.plusDays(1));
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        int requestsBefore = http.requests();
        PaperImporter.Batch batch = importer.begin();
        LocalDate day = first;
        try {
            for (long i = 0; i < days; i++, day = day.plusDays(1)) {
                if (i > 0) {
                    http.pause(delay);
                }
                harvestDay(day, batch);
                batch.flush();
                if (joins) {
                    state = state.completed(null, day);
                    states.save(state);
                }
                progress.advanced(i + 1, days);
            }
            String next = "the next run starts at " + state.lastDatestamp().minusDays(REFRESH_DAYS);
            return new HarvestReport(key(), http.requests() - requestsBefore, batch.finish(), joins
                    ? "complete through " + last + (last.equals(until) || until == null ? "" : " (today; not " + until + ")") + "; " + next
                    : "complete " + first + " through " + last + "; days " + through.plusDays(1) + " to " + first.minusDays(1)
                            + " are still to harvest, so " + next, null);
        } catch (HarvestException e) {
            // The report carries the failure; whoever ran the harvest (the command, the scheduler) says it once.
            log.debug("{}: the harvest stopped at {}: {}", key(), day, e.getMessage());
            return new HarvestReport(key(), http.requests() - requestsBefore, batch.finish(),
                    "stopped at " + day + "; days before it are saved", e.getMessage());
        }
    }

    private void harvestDay(LocalDate day, PaperImporter.Batch batch) throws HarvestException {
        String previousFirst = null;
        for (int p = 0; p < MAX_PAGES_PER_DAY; p++) {
            if (p > 0) {
                http.pause(delay);
            }
            URI uri = URI.create(baseUrl + "/api/daily_papers?date=" + day + "&limit=" + pageSize + "&p=" + p);
            List<Item> items = fetch(uri);
            String first = items.isEmpty() || items.get(0).node() == null ? null : items.get(0).node().path("paper").path("id").asText(null);
            if (p > 0 && first != null && first.equals(previousFirst)) {
                log.warn("{}: {} answered page {} with page {} again (no paging?); the day ends there", key(), day, p, p - 1);
                return;
            }
            previousFirst = first;
            for (int index = 0; index < items.size(); index++) {
                Item item = items.get(index);
                try {
                    if (item.node() == null) {
                        throw new BadRecordException(RecordCap.tooLarge(item.length()));
                    }
                    org.dailypapers.paper.PaperRecord record = HfDailyPaperMapper.map(item.node(), day);
                    batch.accept(record);
                    batch.accept(HubLinksMapper.map(record.paper().id(), item.node()));
                } catch (BadRecordException e) {
                    batch.reject(new Rejection(uri + "[" + index + "]", e.getMessage()));
                }
            }
            if (items.size() < pageSize) {
                return;
            }
        }
        log.warn("{}: {} has more than {} pages; the rest is skipped", key(), day, MAX_PAGES_PER_DAY);
    }

    /** One item of an answer: the parsed JSON, or null when it was larger than {@link RecordCap#MAX_BYTES}. */
    private record Item(JsonNode node, long length) {}

    /**
     * The items of one answer. Each is read on its own, so one larger than {@link RecordCap#MAX_BYTES} is skipped (and
     * rejected by the caller) while the rest of the day is kept; an answer that is not a JSON array fails the run.
     */
    private List<Item> fetch(URI uri) throws HarvestException {
        HarvestHttp.Response r = http.get(uri);
        if (r.status() != 200) {
            throw new HarvestException("HTTP " + r.status() + " from " + uri + ": " + r.bodyStart());
        }
        List<Item> items = new ArrayList<>();
        try {
            if (!startsWithArray(r.body())) {
                JsonNode body = json.readTree(r.body());
                throw new HarvestException("Hugging Face answered " + uri + " with " + (body == null || body.isMissingNode() ? "nothing"
                        : "a JSON " + body.getNodeType().name().toLowerCase()) + " where a JSON array of papers was expected: " + r.bodyStart());
            }
            JsonArrayItems reader = new JsonArrayItems(new ByteArrayInputStream(r.body()), RecordCap.MAX_BYTES);
            for (JsonArrayItems.Item item = reader.next(); item != null; item = reader.next()) {
                items.add(new Item(item.tooLarge() ? null : json.readTree(item.bytes()), item.length()));
            }
        } catch (JsonProcessingException e) {
            throw new HarvestException("Hugging Face answered " + uri + " with malformed JSON: " + e.getOriginalMessage(), e);
        } catch (JsonArrayItems.Malformed e) {
            throw new HarvestException("Hugging Face answered " + uri + " with malformed JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new HarvestException("cannot read the answer to " + uri + ": " + e.getMessage(), e);
        }
        return items;
    }

    private static boolean startsWithArray(byte[] body) {
        for (byte b : body) {
            if (b == '[') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return false;
    }
}
