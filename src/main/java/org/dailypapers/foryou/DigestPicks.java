package org.dailypapers.foryou;

import java.util.List;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.account.Accounts;
import org.dailypapers.digest.PersonalSection;
import org.dailypapers.feed.FeedPeriod;
import org.dailypapers.mail.EmailAddress;

/**
 * The digest's "For you" section: for a subscriber whose address is a signed-in person's and who ticked "Add
 * For you to my digest" ({@link Settings#inDigest()}), the top papers of the digest's period ranked for them
 * with their own blend, "not interested" papers left out, each with its first reason. Thread-safe.
 */
public final class DigestPicks implements PersonalSection {
    /** Papers the section shows. */
    public static final int SHOWN = 5;

    private final ForYou forYou;
    private final Accounts accounts;
    private final int shown;

    public DigestPicks(ForYou forYou, Accounts accounts, int shown) {
        if (shown < 1) throw new IllegalArgumentException("shown must be >= 1, not " + shown);
        this.forYou = forYou;
        this.accounts = accounts;
        this.shown = shown;
    }

    @Override
    public Optional<Part> of(EmailAddress address, FeedPeriod period) {
        Optional<Account> account = accounts.byEmail(address);
        if (account.isEmpty()) return Optional.empty();
        Settings settings = forYou.settings(account.get());
        if (!settings.inDigest()) return Optional.empty();
        ForYouList list = forYou.list(account.get(), period, settings.blendPercent(), shown);
        List<PersonalSection.Pick> picks = list.picks().stream()
                .map(p -> new PersonalSection.Pick(p.paper(), String.join(" · ", p.reasons()))).toList();
        return Optional.of(new Part("/for-you?period=" + kind(period), picks, list.personal()));
    }

    private static String kind(FeedPeriod period) {
        return switch (period.kind()) {
            case DAY -> "day";
            case WEEK -> "week";
            case MONTH -> "month";
        };
    }
}
