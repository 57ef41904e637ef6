package org.dailypapers.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Timestamp texts for the outside world. */
final class Timestamps {
    /**
     * Hugging Face's form, always with milliseconds and a Z ({@code 2024-06-14T00:20:32.674Z}): its Python
     * client parses only this form, and {@link Instant#toString()} drops zero milliseconds.
     */
    private static final DateTimeFormatter HF =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Timestamps() {}

    static String hf(Instant instant) {
        return HF.format(instant);
    }

    /** RFC 822 dates for RSS 2.0. */
    static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
