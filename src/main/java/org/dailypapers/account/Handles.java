package org.dailypapers.account;

import java.util.Locale;
import org.dailypapers.mail.EmailAddress;

/** Handles: the URL-safe names of people ({@code /users/{handle}}). */
public final class Handles {
    public static final int MAX_LENGTH = 30;

    private Handles() {}

    /** A handle made from the address's local part: lower-case letters, digits and dashes; "user" when nothing is left. */
    static String fromEmail(EmailAddress email) {
        String local = email.value().substring(0, email.value().lastIndexOf('@')).toLowerCase(Locale.ROOT);
        String handle = local.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (handle.length() > MAX_LENGTH) {
            handle = handle.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return handle.isEmpty() ? "user" : handle;
    }

    /** Whether {@code raw} could be a handle (here or on Hugging Face): worth a database lookup. */
    public static boolean plausible(String raw) {
        return raw.length() <= 100 && raw.matches("[A-Za-z0-9][A-Za-z0-9._-]*");
    }
}
