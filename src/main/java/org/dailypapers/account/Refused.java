package org.dailypapers.account;

/**
 * A request of the community side (sign-in, votes, submissions, curation) that is refused, with a message
 * for the person who made it. The web layer turns the {@link Reason} into a status code.
 */
public final class Refused extends RuntimeException {
    /** Why, in the categories a response status can tell. */
    public enum Reason {
        /** The input is malformed or breaks a rule (400). */
        INVALID,
        /** Signing in is needed (401). */
        SIGN_IN,
        /** Signed in, but not allowed (403). */
        FORBIDDEN,
        /** The thing does not exist (404). */
        NOT_FOUND,
        /** Too many requests (429). */
        TOO_MANY,
        /** Another service we depend on failed or was too slow (503). */
        UNAVAILABLE
    }

    private final Reason reason;

    public Refused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
