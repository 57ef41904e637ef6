package org.dailypapers.feed;

/** A date, week or month that could not be parsed; the message says what was expected. */
public final class InvalidPeriodException extends IllegalArgumentException {
    public InvalidPeriodException(String message) {
        super(message);
    }
}
