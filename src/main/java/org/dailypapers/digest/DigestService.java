package org.dailypapers.digest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dailypapers.account.RateLimiter;
import org.dailypapers.account.Refused;
import org.dailypapers.digest.DigestTokens.Purpose;
import org.dailypapers.digest.Subscription.Status;
import org.dailypapers.feed.FeedService;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.mail.MailException;
import org.dailypapers.mail.MailMessage;
import org.dailypapers.mail.Mailer;
import org.dailypapers.search.PaperSearch;
import org.dailypapers.store.Database;

/**
 * Email digests: subscribing with double opt-in, confirming, changing and leaving through signed links, and
 * sending a period's digests. The one entry point the web and command line use. Thread-safe.
 */
public final class DigestService {
    /** A second confirmation mail to the same address goes out no sooner than this (no mail-bombing by form). */
    static final Duration CONFIRMATION_INTERVAL = Duration.ofMinutes(10);
    /** Subscribe requests one client (IP address) may make per hour: slows down mailing many addresses. */
    static final int REQUESTS_PER_CLIENT = 20;

    private final DigestConfig config;
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final DigestTokens tokens;
    private final DigestMessages messages = new DigestMessages();
    private final DigestBuilder builder;
    private final DigestSender sender;
    private final Mailer mailer;
    private final URI baseUrl;
    private final Clock clock;
    private final RateLimiter perClient;

    /**
     * @param baseUrl the instance's public address, for links in mail sent outside a web request
     */
    public DigestService(DigestConfig config, Database database, FeedService feed, PaperSearch search, Mailer mailer,
            URI baseUrl, Clock clock) {
        this(config, database, feed, search, mailer, baseUrl, clock, PersonalSection.NONE);
    }

    /**
     * @param baseUrl the instance's public address, for links in mail sent outside a web request
     * @param personal each subscriber's own section ("For you"), where they have one
     */
    public DigestService(DigestConfig config, Database database, FeedService feed, PaperSearch search, Mailer mailer,
            URI baseUrl, Clock clock, PersonalSection personal) {
        this.config = config;
        this.subscriptions = new SubscriptionRepository(database, clock);
        this.deliveries = new DeliveryRepository(database);
        this.tokens = new DigestTokens(config.secret().orElseGet(() -> new SecretStore(database).getOrCreate("digest-hmac")), clock);
        this.builder = new DigestBuilder(feed, search, config.top(), config.topicHits(), personal);
        this.sender = new DigestSender(subscriptions, deliveries, messages, tokens, mailer, clock);
        this.mailer = mailer;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.perClient = new RateLimiter(database, "digest-client", REQUESTS_PER_CLIENT, Duration.ofHours(1), clock);
    }

    public DigestConfig config() {
        return config;
    }

    /**
     * Asks for a digest: validates everything before storing anything, stores the request as pending and
     * mails a confirmation link to the address. An address that is already confirmed keeps its settings
     * (the form is anonymous: anyone may type any address) and gets a note that it already has a digest.
     * Either mail goes out at most once per {@link #CONFIRMATION_INTERVAL} per address, however many requests
     * arrive at once (the send is claimed in the database first), and one client may ask at most
     * {@link #REQUESTS_PER_CLIENT} times an hour. The answer is the same in every case, so the form does not
     * reveal who is subscribed.
     *
     * @param client who asks (the client's IP address), for the per-client limit
     * @param base where links in the mail point (the request's host when no base URL is configured)
     * @throws InvalidSubscriptionException naming the field that is wrong; nothing is stored
     * @throws Refused TOO_MANY when this client asked too often; nothing is stored
     * @throws MailException when the mail could not be sent (the request stays pending; trying again resends)
     */
    public EmailAddress subscribe(String email, String period, String topicLines, String client, URI base) throws MailException {
        EmailAddress address = field("email", () -> EmailAddress.parse(email));
        DigestPeriod kind = field("period", () -> DigestPeriod.parse(period));
        Topics topics = field("topics", () -> Topics.fromLines(topicLines));
        if (!perClient.tryAcquire(client)) {
            throw new Refused(Refused.Reason.TOO_MANY, "Too many subscription requests came from your network."
                    + " Please wait an hour and try again.");
        }
        Optional<Subscription> existing = subscriptions.find(address);
        if (existing.isPresent() && existing.get().status() == Status.CONFIRMED) {
            sendOnce(address, () -> messages.alreadySubscribed(address));
            return address;
        }
        subscriptions.savePending(address, kind, topics);
        String link = base + "/digest/confirm?token=" + tokens.issue(Purpose.CONFIRM, address);
        // The manage link works once confirmed: so the subscriber can change or leave before any digest arrives.
        String manage = base + "/digest/manage?token=" + tokens.issue(Purpose.MANAGE, address);
        sendOnce(address, () -> messages.confirmation(address, kind, topics, link, manage));
        return address;
    }

    /** Sends the mail if this request wins the address's claim (none sent within the interval). */
    private void sendOnce(EmailAddress address, java.util.function.Supplier<MailMessage> mail) throws MailException {
        long now = clock.millis();
        if (!subscriptions.claimConfirmation(address, now, now - CONFIRMATION_INTERVAL.toMillis())) {
            return;
        }
        try {
            mailer.send(mail.get());
        } catch (MailException | RuntimeException e) {
            subscriptions.releaseConfirmation(address, now);
            throw e;
        }
    }

    /** The topics of the confirmed subscription at {@code address}; none without one. */
    public List<String> topicsOf(EmailAddress address) {
        return subscriptions.find(address).filter(s -> s.status() == Subscription.Status.CONFIRMED)
                .map(s -> s.topics().queries()).orElse(List.of());
    }

    /**
     * The subscription a confirmation token was issued for, to show what confirming starts (its topics are
     * shown here rather than in the mail).
     *
     * @throws InvalidTokenException for a bad or expired token
     */
    public Optional<Subscription> toConfirm(String token) {
        return subscriptions.find(tokens.verify(token, Purpose.CONFIRM));
    }

    /**
     * Confirms the subscription a confirmation token was issued for; confirming twice is harmless.
     *
     * @throws InvalidTokenException for a bad or expired token, or when the subscription was cancelled since
     */
    public Subscription confirm(String token) {
        EmailAddress address = tokens.verify(token, Purpose.CONFIRM);
        subscriptions.confirm(address);
        Subscription s = subscriptions.find(address)
                .orElseThrow(() -> new InvalidTokenException("There is no subscription for this link any more: subscribe again."));
        if (s.status() != Status.CONFIRMED) {
            throw new InvalidTokenException("This subscription was cancelled: subscribe again to get a new confirmation mail.");
        }
        return s;
    }

    /** The address a valid token of {@code purpose} was issued for; changes nothing (pages before a button). */
    public EmailAddress addressOf(String token, Purpose purpose) {
        return tokens.verify(token, purpose);
    }

    /** The confirmed subscription a manage token was issued for. */
    public Subscription manage(String token) {
        EmailAddress address = tokens.verify(token, Purpose.MANAGE);
        Optional<Subscription> s = subscriptions.find(address);
        if (s.isPresent() && s.get().status() == Status.PENDING) {
            throw new InvalidTokenException("This digest is not confirmed yet: open the confirmation link in the same mail first.");
        }
        return s.filter(x -> x.status() == Status.CONFIRMED)
                .orElseThrow(() -> new InvalidTokenException("This address has no active digest: it was unsubscribed."
                        + " Subscribe again from the form at the bottom of any page."));
    }

    /** Changes period and topics of the subscription a manage token was issued for; validates first. */
    public Subscription change(String token, String period, String topicLines) {
        Subscription current = manage(token);
        DigestPeriod kind = field("period", () -> DigestPeriod.parse(period));
        Topics topics = field("topics", () -> Topics.fromLines(topicLines));
        subscriptions.change(current.email(), kind, topics);
        return subscriptions.find(current.email()).orElseThrow();
    }

    /** Ends the subscription an unsubscribe token was issued for; unsubscribing twice is harmless. */
    public EmailAddress unsubscribe(String token) {
        EmailAddress address = tokens.verify(token, Purpose.UNSUBSCRIBE);
        subscriptions.unsubscribe(address);
        return address;
    }

    /** A fresh manage token for an address (the link on the page that confirms a subscription). */
    public String manageToken(EmailAddress address) {
        return tokens.issue(Purpose.MANAGE, address);
    }

    /** A fresh unsubscribe token for an address (the manage page's button). */
    public String unsubscribeToken(EmailAddress address) {
        return tokens.issue(Purpose.UNSUBSCRIBE, address);
    }

    /** The stored subscription of an address, for tests and operators. */
    public Optional<Subscription> find(EmailAddress address) {
        return subscriptions.find(address);
    }

    /** Sends the {@code kind} digest of the period containing {@code day}, with links under the base URL. */
    public SendSummary send(DigestPeriod kind, LocalDate day, SendOptions options, DigestSender.Progress progress) {
        return send(kind, day, baseUrl, options, progress);
    }

    /** As {@link #send(DigestPeriod, LocalDate, SendOptions, DigestSender.Progress)}, with links under {@code base}. */
    public SendSummary send(DigestPeriod kind, LocalDate day, URI base, SendOptions options, DigestSender.Progress progress) {
        return sender.send(builder.edition(kind, day, base), options, progress);
    }

    /** The edition of a period, e.g. to preview or count it. */
    public DigestEdition edition(DigestPeriod kind, LocalDate day) {
        return builder.edition(kind, day, baseUrl);
    }

    /** Deliveries of a period by state (claimed, sending, sent, failed, bounced). */
    public java.util.Map<String, Integer> deliveryStates(DigestPeriod kind, LocalDate day) {
        return deliveries.countByState(kind.feedPeriod(day).key());
    }

    private static <T> T field(String name, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException(name, e.getMessage());
        }
    }
}
