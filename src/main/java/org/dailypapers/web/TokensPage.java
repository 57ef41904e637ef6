package org.dailypapers.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dailypapers.apitoken.ApiToken;

/**
 * {@code /account/tokens}: the person's API tokens and the form that makes one.
 *
 * @param created the token just made, with its secret shown this once; null otherwise
 * @param error why the last request was refused; null when it was not
 */
public record TokensPage(String csrf, List<ApiToken> tokens, Created created, String error) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A token made by this very request. */
    public record Created(String name, String secret) {}

    public static String when(Instant instant) {
        return instant == null ? "never" : WHEN.format(instant);
    }
}
