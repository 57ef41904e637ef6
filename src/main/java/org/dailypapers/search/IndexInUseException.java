package org.dailypapers.search;

/**
 * The search index is locked by another process (a running {@code serve}): only one process may write it.
 * Commands that only search can open it read-only instead ({@link PaperSearch#openReadOnly}).
 */
public final class IndexInUseException extends IllegalStateException {
    public IndexInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
