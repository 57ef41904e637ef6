package org.dailypapers.account;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.dailypapers.account.Refused.Reason;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.mail.MailException;
import org.dailypapers.mail.MailMessage;
import org.dailypapers.mail.Mailer;
import org.dailypapers.store.Database;

/**
 * Passwordless sign-in and sessions. A person asks for a link by email; the link carries a random token of
 * which only the SHA-256 is stored, works once and expires after {@link AccountConfig#linkLifetime()}.
 * Using it opens a session: a random id in a cookie (stored hashed) with its own CSRF token. Thread-safe.
 */
public final class Accounts {
    /** The longest display name accepted. */
    public static final int MAX_DISPLAY_NAME = 80;

    private final AccountRepository repository;
    private final AccountConfig config;
    private final Mailer mailer;
    private final Clock clock;
    private final RateLimiter perAddress;
    private final RateLimiter perClient;

    public Accounts(Database database, AccountConfig config, Mailer mailer, Clock clock) {
        this.repository = new AccountRepository(database);
        this.config = config;
        this.mailer = mailer;
        this.clock = clock;
        this.perAddress = new RateLimiter(database, "signin-address", config.linksPerAddress(), Duration.ofHours(1), clock);
        this.perClient = new RateLimiter(database, "signin-client", config.linksPerClient(), Duration.ofHours(1), clock);
    }

    public AccountConfig config() {
        return config;
    }

    /**
     * Mails a one-time sign-in link to {@code rawEmail}.
     *
     * @param client who asks (the client's IP address), for the per-client limit
     * @param base the public address of this site, which the link points to
     * @param next a path on this site to return to after signing in ("/" for none)
     * @throws Refused INVALID for a malformed address, TOO_MANY over a limit, UNAVAILABLE when mail fails
     */
    public EmailAddress requestLink(String rawEmail, String client, URI base, String next) {
        EmailAddress email;
        try {
            email = EmailAddress.parse(rawEmail);
        } catch (IllegalArgumentException e) {
            throw new Refused(Reason.INVALID, "Email: " + e.getMessage() + ".");
        }
        if (!perClient.tryAcquire(client)) {
            throw new Refused(Reason.TOO_MANY, "Too many sign-in links were requested from your network. Please wait an hour and try again.");
        }
        if (!perAddress.tryAcquire(email.value())) {
            throw new Refused(Reason.TOO_MANY, "Too many sign-in links were sent to " + email + " in the last hour. Please use the latest one, or wait.");
        }
        String token = Tokens.random();
        Instant now = clock.instant();
        repository.saveLink(Tokens.hash(token), email, now, now.plus(config.linkLifetime()));
        String link = base.toString().replaceAll("/+$", "") + "/signin/verify?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (next.equals("/") ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        long minutes = config.linkLifetime().toMinutes();
        try {
            mailer.send(MailMessage.text(email, "Your Daily Papers sign-in link", """
                    Hello,

                    open this link to sign in to Daily Papers:

                    %s

                    It works once, within %d minutes. If you did not ask for it, ignore this message: nothing happens without the link.
                    """.formatted(link, minutes)));
        } catch (MailException e) {
            throw new Refused(Reason.UNAVAILABLE, "We could not send mail to " + email + " just now. Please try again in a moment.");
        }
        return email;
    }

    /**
     * Who a link would sign in, without using it.
     *
     * @throws Refused INVALID when the link is unknown, used or expired (the message says which)
     */
    public EmailAddress checkLink(String token) {
        AccountRepository.LinkState state = token == null || token.length() > 100 ? null
                : repository.link(Tokens.hash(token)).orElse(null);
        if (state == null) {
            throw new Refused(Reason.INVALID, "This sign-in link is not valid. Please ask for a new one.");
        }
        if (state.usedAt() != null) {
            throw new Refused(Reason.INVALID, "This sign-in link was already used: each link works once. Please ask for a new one.");
        }
        if (!state.expiresAt().isAfter(clock.instant())) {
            throw new Refused(Reason.INVALID, "This sign-in link has expired: links work for "
                    + config.linkLifetime().toMinutes() + " minutes. Please ask for a new one.");
        }
        return state.email();
    }

    /**
     * Uses the link and opens a session.
     *
     * @throws Refused INVALID when the link is unknown, used or expired
     */
    public NewSession signIn(String token) {
        checkLink(token);
        Instant now = clock.instant();
        String cookie = Tokens.random();
        String csrf = Tokens.random();
        Account account = repository.signIn(Tokens.hash(token), now, Tokens.hash(cookie), csrf, now.plus(config.sessionLifetime()))
                .orElseThrow(() -> {
                    checkLink(token); // used or expired in the meantime: say which
                    return new Refused(Reason.INVALID, "This sign-in link is not valid. Please ask for a new one.");
                });
        return new NewSession(cookie, new Session(account, csrf), config.sessionLifetime());
    }

    /**
     * Opens a session for {@code email}, creating the account on first use, without a link. For trusted
     * callers that know the address is the person's (the sign-in above, the {@code bench} command); the
     * web layer opens sessions only through {@link #signIn}.
     */
    public NewSession openSession(EmailAddress email) {
        Instant now = clock.instant();
        Account account = repository.findOrCreate(email, now);
        String cookie = Tokens.random();
        String csrf = Tokens.random();
        repository.saveSession(Tokens.hash(cookie), account.id(), csrf, now, now.plus(config.sessionLifetime()));
        return new NewSession(cookie, new Session(account, csrf), config.sessionLifetime());
    }

    /** The session of this cookie value, when it exists and has not expired. */
    public Optional<Session> session(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 100) {
            return Optional.empty();
        }
        return repository.session(Tokens.hash(cookie), clock.instant());
    }

    /** Ends the session of this cookie value (nothing when there is none). */
    public void signOut(String cookie) {
        if (cookie != null && cookie.length() <= 100) {
            repository.deleteSession(Tokens.hash(cookie));
        }
    }

    /**
     * Sets the name shown for {@code account}; blank clears it (the handle is shown).
     *
     * @throws Refused INVALID when longer than {@link #MAX_DISPLAY_NAME} or holding control characters
     */
    public void setDisplayName(Account account, String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.length() > MAX_DISPLAY_NAME) {
            throw new Refused(Reason.INVALID, "Display name: at most " + MAX_DISPLAY_NAME + " characters (got " + name.length() + ").");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new Refused(Reason.INVALID, "Display name: control characters are not allowed.");
        }
        repository.setDisplayName(account.id(), name.isEmpty() ? null : name);
    }

    public Optional<Account> byHandle(String handle) {
        return Handles.plausible(handle) ? repository.byHandle(handle) : Optional.empty();
    }

    /** The account that signs in with this address, if one ever did (e.g. a digest subscriber's). */
    public Optional<Account> byEmail(EmailAddress email) {
        return repository.byEmail(email);
    }

    public boolean isAdmin(Account account) {
        return config.isAdmin(account);
    }

    /** A session just opened: the cookie value to set (shown once, stored only hashed) and how long it lasts. */
    public record NewSession(String cookie, Session session, Duration lifetime) {}
}
