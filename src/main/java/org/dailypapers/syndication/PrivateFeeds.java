package org.dailypapers.syndication;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.account.Accounts;
import org.dailypapers.account.Tokens;

/**
 * Private feeds behind a secret URL: a feed reader cannot sign in, so the URL itself is the key. A person
 * makes one secret (256 random bits, shown once, stored as its SHA-256), can replace it (the old URL stops
 * working at once) or revoke it. What the feed lists comes from a {@link PersonalFeedSource}. Thread-safe.
 */
public final class PrivateFeeds {
    /** Longer input is no secret of ours: refused before hashing. */
    private static final int MAX_SECRET = 100;

    private final FeedSecretRepository secrets;
    private final Accounts accounts;
    private final PersonalFeedSource source;
    private final Clock clock;

    public PrivateFeeds(FeedSecretRepository secrets, Accounts accounts, PersonalFeedSource source, Clock clock) {
        this.secrets = secrets;
        this.accounts = accounts;
        this.source = source;
        this.clock = clock;
    }

    /** A new secret for the person, replacing any earlier one; the caller shows it once (it is not kept). */
    public String newSecret(Account account) {
        String secret = Tokens.random();
        secrets.replace(account.id(), Tokens.hash(secret), clock.instant());
        return secret;
    }

    /** Revokes the person's secret; whether there was one. */
    public boolean revoke(Account account) {
        return secrets.delete(account.id());
    }

    /** When the person's current secret was made; empty when there is none. */
    public Optional<Instant> since(Account account) {
        return secrets.createdAt(account.id());
    }

    /** What the private feeds list, in a sentence. */
    public String describe() {
        return source.describe();
    }

    /** The list of the person whose secret this is; empty for an unknown or revoked secret. */
    public Optional<PaperList> open(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > MAX_SECRET) {
            return Optional.empty();
        }
        return secrets.handleOf(Tokens.hash(secret)).flatMap(accounts::byHandle).map(source::papersFor);
    }
}
