package org.dailypapers.mail;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where mail goes: an SMTP server when {@code smtp} is present, otherwise {@code .eml} files in the data
 * directory's {@code outbox/} (the embedded default, shown at {@code /dev/mailbox}).
 *
 * @param from the sender of every message, e.g. {@code Daily Papers <papers@example.org>}
 * @param smtp the SMTP server, or empty for the outbox
 */
public record MailConfig(String from, Optional<Smtp> smtp) {
    /** Without a configured sender, mail is from this address (fine for the outbox; set one for real SMTP). */
    public static final String DEFAULT_FROM = "Daily Papers <papers@localhost.localdomain>";

    /** How a connection to the SMTP server is secured. */
    public enum Tls {
        /** Plain text: only for a relay on the same host or a test server. */
        NONE,
        /** Upgrade with STARTTLS and refuse to go on without it (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS
    }

    /** An SMTP server; credentials only when the server needs them. Timeouts apply to connect, read and write. */
    public record Smtp(String host, int port, Tls tls, Optional<String> user, Optional<String> password, Duration timeout) {
        public Smtp {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("DAILYPAPERS_SMTP_PORT must be 1..65535 (got " + port + ")");
            }
            if (user.isPresent() != password.isPresent()) {
                throw new IllegalArgumentException("DAILYPAPERS_SMTP_USER and DAILYPAPERS_SMTP_PASSWORD go together");
            }
        }

        @Override
        public String toString() {
            return "smtp://" + user.map(u -> u + "@").orElse("") + host + ":" + port + " (" + tls.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    public MailConfig {
        Objects.requireNonNull(smtp, "smtp");
        try {
            new jakarta.mail.internet.InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException | NullPointerException e) {
            throw new IllegalArgumentException("DAILYPAPERS_MAIL_FROM '" + from + "' is not an address such as 'Daily Papers <papers@example.org>'");
        }
        if (from.indexOf('\r') >= 0 || from.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("DAILYPAPERS_MAIL_FROM may not contain a line break");
        }
    }

    /**
     * Reads DAILYPAPERS_MAIL_FROM and DAILYPAPERS_SMTP_HOST, _PORT (default by TLS mode: 25, 587, 465),
     * _TLS (none|starttls|tls, default starttls), _USER, _PASSWORD, _TIMEOUT_SECONDS (default 20).
     */
    public static MailConfig fromEnv(Map<String, String> env) {
        String from = env.getOrDefault("DAILYPAPERS_MAIL_FROM", DEFAULT_FROM);
        String host = env.get("DAILYPAPERS_SMTP_HOST");
        if (host == null || host.isBlank()) {
            return new MailConfig(from, Optional.empty());
        }
        Tls tls = switch (env.getOrDefault("DAILYPAPERS_SMTP_TLS", "starttls").strip().toLowerCase(Locale.ROOT)) {
            case "none" -> Tls.NONE;
            case "starttls" -> Tls.STARTTLS;
            case "tls", "ssl" -> Tls.TLS;
            default -> throw new IllegalArgumentException(
                    "DAILYPAPERS_SMTP_TLS must be none, starttls or tls, not '" + env.get("DAILYPAPERS_SMTP_TLS") + "'");
        };
        int defaultPort = switch (tls) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
        Smtp smtp = new Smtp(host.strip(), number(env, "DAILYPAPERS_SMTP_PORT", defaultPort), tls,
                optional(env, "DAILYPAPERS_SMTP_USER"), optional(env, "DAILYPAPERS_SMTP_PASSWORD"),
                Duration.ofSeconds(number(env, "DAILYPAPERS_SMTP_TIMEOUT_SECONDS", 20)));
        return new MailConfig(from, Optional.of(smtp));
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive number, not '" + raw + "'");
        }
    }
}
