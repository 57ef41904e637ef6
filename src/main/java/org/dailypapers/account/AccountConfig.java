package org.dailypapers.account;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.dailypapers.mail.EmailAddress;

/**
 * Accounts and sign-in.
 *
 * @param admins who may curate the feed (hide, feature, remove submissions) and read the audit log
 * @param linkLifetime how long a sign-in link stays valid (it also stops working once used)
 * @param sessionLifetime how long a session lasts after sign-in
 * @param linksPerAddress sign-in links sent to one address per hour at most
 * @param linksPerClient sign-in links requested from one client (IP address) per hour at most
 */
public record AccountConfig(Set<EmailAddress> admins, Duration linkLifetime, Duration sessionLifetime,
        int linksPerAddress, int linksPerClient) {
    public static final Duration DEFAULT_LINK_LIFETIME = Duration.ofMinutes(15);
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofDays(30);

    public AccountConfig {
        admins = Set.copyOf(admins);
        Objects.requireNonNull(linkLifetime, "linkLifetime");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        if (linkLifetime.isNegative() || linkLifetime.isZero() || sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            throw new IllegalArgumentException("link and session lifetimes must be positive");
        }
        if (linksPerAddress < 1 || linksPerClient < 1) {
            throw new IllegalArgumentException("sign-in link limits must be at least 1");
        }
    }

    public static AccountConfig defaults() {
        return new AccountConfig(Set.of(), DEFAULT_LINK_LIFETIME, DEFAULT_SESSION_LIFETIME, 5, 20);
    }

    public boolean isAdmin(Account account) {
        return admins.contains(account.email());
    }
}
