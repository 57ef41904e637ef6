package org.dailypapers.ingest;

/** The arXiv API could not answer: it refused the query, failed, or was unreachable or too slow. */
public final class ArxivApiException extends Exception {
    /** Whether asking again later could help. */
    public enum Kind {
        /** arXiv answered with an error about the query itself (e.g. a malformed id): asking again will not help. */
        REJECTED,
        /** arXiv was unreachable, too slow, or failed on its side. */
        UNAVAILABLE
    }

    private final Kind kind;

    public ArxivApiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
