package org.dailypapers.digest;

/** A link token that was altered, made for another purpose or address, or has expired; the message is for people. */
public final class InvalidTokenException extends RuntimeException {
    InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
