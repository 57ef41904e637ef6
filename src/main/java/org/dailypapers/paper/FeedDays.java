package org.dailypapers.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Feed days follow New York time, as Hugging Face's daily papers do. */
public final class FeedDays {
    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private FeedDays() {}

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
