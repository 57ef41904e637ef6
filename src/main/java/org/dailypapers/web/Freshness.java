package org.dailypapers.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.dailypapers.ingest.HarvestStatus;

/**
 * How new the newest papers shown on {@code /} are, said plainly: the day ("Aug 21, 2026"), how long ago that
 * is in New York, where feed days are counted, and, once it is more than {@value #STALE_DAYS} days old, why
 * nothing newer came (harvesting off, or the last harvest failed and why) and what an administrator can do.
 * A value: rendered pages are cached under it, so a page changes when the day turns or a harvest ends.
 *
 * @param newest the newest day shown (a feed day, or an arXiv publication day)
 * @param daysAgo whole days from {@code newest} to today in New York (0 when it is today or later)
 * @param notice why nothing newer is here, or null while the papers are recent
 */
public record Freshness(LocalDate newest, long daysAgo, Notice notice) {
    /** Older than this many days, the page says why nothing newer is here. */
    static final int STALE_DAYS = 2;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MMM d, uuuu 'at' HH:mm 'UTC'", Locale.ENGLISH);

    /**
     * Why the newest papers are old.
     *
     * @param title one sentence: what is going on
     * @param detail the reason or the next step, or null
     * @param failures why each source failed (URLs cut to their host; {@code /health} has them whole), or empty
     * @param adminHint what an administrator can do, or null
     */
    public record Notice(String title, String detail, java.util.List<String> failures, String adminHint) {
        Notice(String title, String detail, String adminHint) {
            this(title, detail, java.util.List.of(), adminHint);
        }
    }

    /** A URL in a failure, cut to its host: the page says which server failed; the query helps nobody there. */
    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("https?://([^/\\s?#]+)\\S*");

    static Freshness of(LocalDate newest, LocalDate today, HarvestStatus harvest) {
        long days = Math.max(0, ChronoUnit.DAYS.between(newest, today));
        return new Freshness(newest, days, days > STALE_DAYS ? notice(newest, harvest) : null);
    }

    /** "today", "yesterday", "103 days ago". */
    public String ago() {
        return daysAgo == 0 ? "today" : daysAgo == 1 ? "yesterday" : daysAgo + " days ago";
    }

    private static Notice notice(LocalDate newest, HarvestStatus h) {
        String title = "Nothing newer than " + Views.day(newest) + " is on this instance.";
        if (!h.enabled()) {
            return new Notice(title, "Harvesting from arXiv and Hugging Face is off, so no new papers arrive.",
                    "turn it on by starting the server with DAILYPAPERS_HARVEST_ENABLED=true (the default), "
                            + "or add papers with ./dailypapers harvest hf and ./dailypapers harvest arxiv.");
        }
        if (h.running()) {
            return new Notice(title, "A harvest from arXiv and Hugging Face is running now.", null);
        }
        String next = h.nextRun().map(t -> " The next try is " + moment(t) + ".").orElse("");
        if (h.lastRunFailed()) {
            return new Notice(title, "The last harvest failed " + moment(h.lastFailure().orElseThrow()) + "." + next,
                    h.failures().stream().map(f -> URL.matcher(f).replaceAll("$1")).toList(),
                    "check that the server reaches arXiv and Hugging Face (DAILYPAPERS_HARVEST_ARXIV_BASE_URL, "
                            + "DAILYPAPERS_HARVEST_HF_BASE_URL); /health has the whole reason and the next run.");
        }
        if (h.lastSuccess().isPresent()) {
            return new Notice(title, "The last harvest, " + moment(h.lastSuccess().get()) + ", found nothing newer." + next, null);
        }
        return new Notice(title, "Harvesting is on but has not run yet." + next, null);
    }

    static String moment(Instant t) {
        return MOMENT.format(t.atOffset(ZoneOffset.UTC));
    }
}
