package org.dailypapers.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.Locale;

/**
 * A syntactically valid, bare email address ({@code name@example.org}, no display name), lower-cased so that
 * one person has one address. Parse user input with {@link #parse}.
 *
 * <p>Refused besides malformed input: address literals ({@code a@[127.0.0.1]}: they name a host, not a mail
 * domain, and would let the site mail any machine on its network) and non-ASCII local parts ({@code üñí@...}:
 * they need SMTPUTF8, which this sender does not speak). An internationalised domain is accepted and kept in its
 * ASCII form ({@code exämple.org} becomes {@code xn--exmple-cua.org}), the form every mail server accepts.
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
        int at = address.lastIndexOf('@');
        if (at > 0 && address.startsWith("[", at + 1)) {
            throw new IllegalArgumentException("'" + printable(address) + "' names a host by its IP address; "
                    + "use an address with a domain such as example.org");
        }
        if (at > 0 && !isAscii(address.substring(0, at))) {
            throw new IllegalArgumentException("'" + printable(address) + "' has non-ASCII characters before the @, "
                    + "which our mail cannot carry; please use an ASCII address");
        }
        if (at > 0) {
            address = address.substring(0, at + 1) + asciiDomain(address.substring(at + 1), address);
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            String bare = parsed.getAddress();
            int sign = bare.lastIndexOf('@');
            if (sign < 1 || bare.indexOf('.', sign) < 0 || bare.endsWith(".")) {
                throw new AddressException("needs a domain such as example.org");
            }
            return bare.toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new IllegalArgumentException("'" + printable(address) + "' is not an email address", e);
        }
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    /** The domain in ASCII (IDNA 2003 ToASCII, as java.net.IDN does it); refuses one that has no ASCII form. */
    private static String asciiDomain(String domain, String address) {
        if (isAscii(domain)) {
            return domain;
        }
        try {
            return IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
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
