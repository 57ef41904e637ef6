package org.dailypapers.mail;

/** A message that was not delivered; {@code permanent} when retrying cannot help (the address was rejected). */
public final class MailException extends Exception {
    private final boolean permanent;

    public MailException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
