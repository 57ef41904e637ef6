package org.dailypapers.mail;

/**
 * A message that was not delivered, with what kind of failure it was: the caller's next step depends on it
 * (retry later, give up on this address, or stop sending altogether).
 */
public final class MailException extends Exception {
    /** What went wrong, in the categories a sender acts on. */
    public enum Kind {
        /**
         * The server refused this recipient (a 5xx reply to RCPT TO): the address is bad, so mail to it should
         * stop. The only kind that says anything about the address.
         */
        RECIPIENT_REJECTED,
        /**
         * The server refused the sender or the message itself (a 5xx reply to MAIL FROM or after DATA: sender not
         * allowed, spam, too large), or the message could not be built. Retrying it unchanged will not help, but
         * it says nothing about the recipient, and the same will likely happen to every other message.
         */
        REJECTED,
        /** Not now: a 4xx reply, a refused or dropped connection, a timeout, failed authentication, a full disk. */
        TRANSIENT
    }

    private final Kind kind;

    public MailException(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when retrying this message cannot help ({@link Kind#RECIPIENT_REJECTED} or {@link Kind#REJECTED}). */
    public boolean permanent() {
        return kind != Kind.TRANSIENT;
    }
}
