package org.dailypapers.solr;

/**
 * Solr could not do what was asked. {@link #isTransient()} failures (no node reachable, a 5xx) are worth retrying
 * later, as the outbox worker does; others (a 4xx: a bad request or schema) are not.
 */
public final class SolrException extends RuntimeException {

    private final boolean transientFailure;

    SolrException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
