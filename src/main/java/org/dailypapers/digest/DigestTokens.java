package org.dailypapers.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dailypapers.mail.EmailAddress;

/**
 * Signed link tokens: {@code base64url(payload).base64url(HMAC-SHA256(secret, payload))} where the payload
 * is {@code v1|purpose|address|expiry}. A token names its address and purpose inside the signed part, so it
 * cannot be edited to act on another address, nor a confirmation token used to unsubscribe (or the
 * reverse). Confirmation tokens expire; manage and unsubscribe links in old digests keep working, as
 * RFC 8058 expects of a List-Unsubscribe URL. Thread-safe.
 */
public final class DigestTokens {
    /** What a token allows. */
    public enum Purpose {
        CONFIRM(Duration.ofDays(7)),
        MANAGE(null),
        UNSUBSCRIBE(null);

        private final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_LENGTH = 1_000;

    private final SecretKeySpec key;
    private final Clock clock;

    public DigestTokens(String secret, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    public String issue(Purpose purpose, EmailAddress address) {
        long expiry = purpose.lifetime == null ? 0 : clock.instant().plus(purpose.lifetime).getEpochSecond();
        String payload = "v1|" + purpose.name() + "|" + address.value() + "|" + expiry;
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
    }

    /**
     * The address a valid token of {@code purpose} was issued for.
     *
     * @throws InvalidTokenException when it is malformed, not signed by us, of another purpose or expired
     */
    public EmailAddress verify(String token, Purpose purpose) {
        InvalidTokenException invalid = new InvalidTokenException(
                "This link is not valid: it may be incomplete (check that the whole link was copied) or altered.");
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid;
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = B64D.decode(token.substring(0, Math.max(dot, 0)));
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
        if (dot < 0 || !MessageDigest.isEqual(mac(payload), signature)) {
            throw invalid;
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 4 || !parts[0].equals("v1") || !parts[1].equals(purpose.name())) {
            throw invalid;
        }
        long expiry = Long.parseLong(parts[3]);
        if (expiry != 0 && clock.instant().isAfter(Instant.ofEpochSecond(expiry))) {
            throw new InvalidTokenException("This link has expired: subscribe again to get a new confirmation mail.");
        }
        return EmailAddress.parse(parts[2]);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
