package org.dailypapers.digest;

import java.time.LocalDate;
import java.util.Locale;
import org.dailypapers.feed.FeedPeriod;

/** How often a subscriber gets a digest: one per feed day, or one per ISO week (Monday to Sunday). */
public enum DigestPeriod {
    DAILY,
    WEEKLY;

    /** Parses {@code daily} or {@code weekly} (any case); the error says what was expected. */
    public static DigestPeriod parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "daily" -> DAILY;
            case "weekly" -> WEEKLY;
            default -> throw new IllegalArgumentException("period must be daily or weekly, not '"
                    + (t.length() > 20 ? t.substring(0, 20) + "…" : t) + "'");
        };
    }

    /** The feed period of this kind that contains {@code day}. */
    public FeedPeriod feedPeriod(LocalDate day) {
        return this == DAILY ? FeedPeriod.day(day) : FeedPeriod.week(day);
    }

    /**
     * The latest period that has ended on {@code today}: yesterday for daily digests, last week for weekly
     * ones. A digest reports a finished period, so its ranking by upvotes is settled.
     */
    public FeedPeriod lastCompleted(LocalDate today) {
        return this == DAILY ? FeedPeriod.day(today.minusDays(1)) : FeedPeriod.week(today.minusWeeks(1));
    }

    /** {@code daily} or {@code weekly}: the stored and displayed name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
