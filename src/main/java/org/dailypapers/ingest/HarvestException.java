package org.dailypapers.ingest;

/**
 * A harvest could not go on: the source did not answer, answered with an error, or sent something that is not
 * its format. The message says what happened in words a user can act on; what was saved before stays saved.
 */
public final class HarvestException extends Exception {
    public HarvestException(String message) {
        super(message);
    }

    public HarvestException(String message, Throwable cause) {
        super(message, cause);
    }
}
