package org.dailypapers.apitoken;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.dailypapers.account.Account;
import org.dailypapers.account.RateLimiter;
import org.dailypapers.account.Refused;
import org.dailypapers.account.Tokens;

/**
 * Personal API tokens: made by a signed-in person (named, shown once), listed with when each was last used,
 * revoked; a request carrying one in {@code Authorization: Bearer} acts as that person. Only the SHA-256 of a
 * secret is stored, and no secret is ever logged or put in an error message. Thread-safe.
 *
 * <p>Secrets are {@value #PREFIX} and 256 random bits, so guessing is hopeless; failed attempts are still
 * limited per client ({@value #MAX_FAILURES} per {@link #FAILURE_WINDOW}), after which the client is refused
 * with 429 whatever it sends, until the window has passed.
 */
public final class ApiTokens {
    /** Marks our secrets (so a leaked one is recognisable to secret scanners): {@code dp_} and 43 Base64url characters. */
    public static final String PREFIX = "dp_";
    public static final int MAX_NAME = 80;
    public static final int MAX_PER_ACCOUNT = 20;
    static final int MAX_FAILURES = 20;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(10);
    private static final int SECRET_LENGTH = PREFIX.length() + 43;

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final RateLimiter failures;

    public ApiTokens(ApiTokenRepository tokens, org.dailypapers.store.Database database, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        this.failures = new RateLimiter(database, "api-token-failures", MAX_FAILURES, FAILURE_WINDOW, clock);
    }

    /** A token just made, with its secret: the only time the secret exists outside its owner's hands. */
    public record NewToken(ApiToken token, String secret) {}

    /** Makes a token named {@code rawName} (1 to {@value #MAX_NAME} characters). @throws Refused INVALID for a bad name or too many tokens */
    public NewToken create(Account account, String rawName) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new Refused(Refused.Reason.INVALID, "A token needs a name of 1 to " + MAX_NAME + " characters (say where you use it).");
        }
        String secret = PREFIX + Tokens.random();
        ApiToken token = new ApiToken(Tokens.random().substring(0, 16), name, clock.instant(), null);
        if (!tokens.insert(account.id(), token, Tokens.hash(secret), MAX_PER_ACCOUNT)) {
            throw new Refused(Refused.Reason.INVALID, "You have " + MAX_PER_ACCOUNT + " tokens already: revoke one you no longer use first.");
        }
        return new NewToken(token, secret);
    }

    public List<ApiToken> list(Account account) {
        return tokens.list(account.id());
    }

    /** Revokes the person's token {@code id}. @throws Refused NOT_FOUND when they hold no such token */
    public void revoke(Account account, String id) {
        if (id == null || id.length() > 64 || !tokens.delete(account.id(), id)) {
            throw new Refused(Refused.Reason.NOT_FOUND, "You have no such token (it may be revoked already).");
        }
    }

    /**
     * The person a request's {@code Authorization} header names.
     *
     * @param client the rate-limit key of the requesting client
     * @throws Refused TOO_MANY when the client failed too often lately; SIGN_IN when the header is missing,
     *     malformed or names no token
     */
    public Account authenticate(String authorization, String client) {
        if (!failures.allows(client)) {
            throw new Refused(Refused.Reason.TOO_MANY, "Too many failed token attempts from your address: try again in "
                    + FAILURE_WINDOW.toMinutes() + " minutes.");
        }
        String secret = bearer(authorization);
        var account = secret == null ? java.util.Optional.<Account>empty() : tokens.use(Tokens.hash(secret), clock.instant());
        if (account.isEmpty()) {
            failures.tryAcquire(client);
            throw new Refused(Refused.Reason.SIGN_IN, authorization == null
                    ? "This needs a personal API token, sent as 'Authorization: Bearer <token>' (make one on /account/tokens)."
                    : "The API token is not valid (malformed, revoked or unknown).");
        }
        return account.get();
    }

    /** The secret of a well-formed {@code Bearer} header, else null (without looking anything up). */
    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String secret = authorization.substring(7).strip();
        return secret.length() == SECRET_LENGTH && secret.startsWith(PREFIX)
                && secret.substring(PREFIX.length()).matches("[A-Za-z0-9_-]+") ? secret : null;
    }
}
