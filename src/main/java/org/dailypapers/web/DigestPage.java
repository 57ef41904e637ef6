package org.dailypapers.web;

import java.util.List;
import org.dailypapers.digest.Topics;

/**
 * The digest screens: one template, one record; {@code screen} says which. Fields a screen does not use are
 * empty strings, never null.
 *
 * @param token the signed token the screen's form posts back (confirm, manage) or links with (confirmed: the manage link), else empty
 * @param unsubscribeToken the manage screen's unsubscribe button token, else empty
 * @param error why the subscribe or manage form just posted was refused (its screen shows it again with what
 *     was typed), else empty
 */
public record DigestPage(Screen screen, String email, String period, String topics, String token, String unsubscribeToken,
                         String error) {
    /** Which step of subscribing, managing or leaving. */
    public enum Screen {
        SUBSCRIBE("Get the digest by email"),
        CHECK_INBOX("Check your inbox"),
        CONFIRM("Confirm your subscription"),
        CONFIRMED("Subscription confirmed"),
        MANAGE("Your digest"),
        SAVED("Digest settings saved"),
        UNSUBSCRIBE("Unsubscribe"),
        UNSUBSCRIBED("You are unsubscribed");

        private final String title;

        Screen(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * Whether the layout's footer subscribe form is shown too: not on screens about one subscription, which
     * have their own form or are about an address already given (two forms to subscribe confuse).
     */
    public boolean footerForm() {
        return screen == Screen.CHECK_INBOX || screen == Screen.UNSUBSCRIBED;
    }

    /** Without an error. */
    public DigestPage(Screen screen, String email, String period, String topics, String token, String unsubscribeToken) {
        this(screen, email, period, topics, token, unsubscribeToken, "");
    }

    static DigestPage of(Screen screen) {
        return new DigestPage(screen, "", "daily", "", "", "");
    }

    /**
     * Whether the refusal is about {@code field} ({@code email}, {@code period} or {@code topics}): the digest's
     * refusals start with the field's name ({@link org.dailypapers.digest.InvalidSubscriptionException}), others
     * (too many requests, mail down) name none.
     */
    public boolean invalid(String field) {
        return error.startsWith(field + ":");
    }

    /** The {@code aria-describedby} of {@code field}'s input: the refusal when it is about that field, else none. */
    public String describedBy(String field, String errorId) {
        return invalid(field) ? errorId : null;
    }

    public int maxTopics() {
        return Topics.MAX_COUNT;
    }

    public int maxTopicLength() {
        return Topics.MAX_LENGTH;
    }

    /** The topics, one per entry (the confirm screen lists them). */
    public List<String> topicList() {
        return topics.isBlank() ? List.of() : topics.lines().filter(l -> !l.isBlank()).toList();
    }

    public List<String> periods() {
        return List.of("daily", "weekly");
    }
}
