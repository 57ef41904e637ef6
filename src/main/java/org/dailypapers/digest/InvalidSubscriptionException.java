package org.dailypapers.digest;

/**
 * A subscription request refused before anything was stored: the message names the field and says what is
 * wrong, in words for the person who filled the form.
 */
public final class InvalidSubscriptionException extends RuntimeException {
    InvalidSubscriptionException(String field, String problem) {
        super(field + ": " + problem, null, false, false);
    }
}
