package org.dailypapers.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * A syntactically valid, bare email address ({@code name@example.org}, no display name), lower-cased so that
 * one person has one address. Parse user input with {@link #parse}.
 */
public record EmailAddress(String value) {
    /** RFC 5321's limit on a forward path. */
    public static final int MAX_LENGTH = 254;

    public EmailAddress {
        value = check(value);
    }

    /** @throws IllegalArgumentException saying what is wrong with the input, in words a user understands */
    public static EmailAddress parse(String raw) {
        return new EmailAddress(raw);
    }

    private static String check(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("an email address is required");
        }
        String address = raw.strip();
        if (address.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an email address has at most " + MAX_LENGTH + " characters");
        }
        if (address.chars().anyMatch(c -> c < 0x20 || c == 0x7f || Character.isWhitespace(c))
                || address.indexOf('<') >= 0 || address.indexOf(',') >= 0) {
            throw new IllegalArgumentException("'" + printable(address) + "' is not an email address");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            String bare = parsed.getAddress();
            int at = bare.lastIndexOf('@');
            if (at < 1 || bare.indexOf('.', at) < 0 || bare.endsWith(".")) {
                throw new AddressException("needs a domain such as example.org");
            }
            return bare.toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new IllegalArgumentException("'" + printable(address) + "' is not an email address", e);
        }
    }

    private static String printable(String s) {
        String shown = s.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
    }

    @Override
    public String toString() {
        return value;
    }
}
