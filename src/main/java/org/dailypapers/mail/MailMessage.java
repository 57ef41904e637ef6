package org.dailypapers.mail;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to one recipient: a plain-text part and, optionally, an HTML alternative
 * (sent as multipart/alternative). Extra headers carry e.g. {@code List-Unsubscribe}.
 * Header values may not contain line breaks: that is how header injection is refused.
 *
 * @param html the HTML alternative, empty for text only
 * @param headers extra headers, name to value, in the order given
 */
public record MailMessage(EmailAddress to, String subject, String text, Optional<String> html, Map<String, String> headers) {
    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        requireSingleLine("subject", subject);
        headers.forEach((name, value) -> {
            if (!name.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("not a header name: '" + name + "'");
            }
            requireSingleLine(name, value);
        });
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }

    public static MailMessage text(EmailAddress to, String subject, String text) {
        return new MailMessage(to, subject, text, Optional.empty(), Map.of());
    }

    private static void requireSingleLine(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " may not contain a line break");
        }
    }
}
