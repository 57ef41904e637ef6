package org.dailypapers.ingest;

/** A record that cannot become a paper; the message says why, in words a user can act on. */
final class BadRecordException extends Exception {
    BadRecordException(String reason) {
        super(reason, null, false, false);
    }
}
