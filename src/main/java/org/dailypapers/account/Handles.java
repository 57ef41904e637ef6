package org.dailypapers.account;

import java.util.Locale;
import org.dailypapers.mail.EmailAddress;

/** Handles: the URL-safe names of people ({@code /users/{handle}}). */
public final class Handles {
    public static final int MAX_LENGTH = 30;

    private Handles() {}

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final String SUFFIX_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";
    /** How many leading characters of the address's local part a handle shows at most. */
    static final int PREFIX = 3;

    /**
     * A new handle for this address: at most the first {@value #PREFIX} characters of its local part
     * (lower-case letters and digits; never the whole local part) and a random suffix of {@code suffixLength}
     * characters, such as {@code ada-k3xq} for ada.lovelace@example.org. Handles so never reveal the address.
     */
    static String fromEmail(EmailAddress email, int suffixLength) {
        String local = email.value().substring(0, email.value().lastIndexOf('@')).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "");
        String prefix = local.substring(0, Math.min(PREFIX, Math.max(0, local.length() - 1)));
        StringBuilder handle = new StringBuilder(prefix.isEmpty() ? "user" : prefix).append('-');
        for (int i = 0; i < suffixLength; i++) {
            handle.append(SUFFIX_LETTERS.charAt(RANDOM.nextInt(SUFFIX_LETTERS.length())));
        }
        return handle.toString();
    }

    /** Whether {@code raw} could be a handle (here or on Hugging Face): worth a database lookup. */
    public static boolean plausible(String raw) {
        return raw.length() <= 100 && raw.matches("[A-Za-z0-9][A-Za-z0-9._-]*");
    }
}
