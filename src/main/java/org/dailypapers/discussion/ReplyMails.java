package org.dailypapers.discussion;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.discussion.CommentRepository.Recipient;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.mail.MailException;
import org.dailypapers.mail.MailMessage;
import org.dailypapers.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails about a reply, to those who asked for them ({@code discussion_person.reply_mail}): the paper's
 * submitter here and everyone who commented in the thread, except the replier. At most once per reply and
 * person: the row in {@code reply_mail_delivery} is claimed before sending (as digests claim theirs), so a
 * retry or a second process never sends it again; a failed send is logged and not retried. Each mail carries a
 * one-click off link (and RFC 2369's {@code List-Unsubscribe} pointing at it).
 */
final class ReplyMails {
    private static final Logger log = LoggerFactory.getLogger(ReplyMails.class);
    private static final int QUOTED = 2_000;

    private final CommentRepository repository;
    private final Mailer mailer;
    private final String base;
    private final Clock clock;

    ReplyMails(CommentRepository repository, Mailer mailer, URI baseUrl, Clock clock) {
        this.repository = repository;
        this.mailer = mailer;
        this.base = baseUrl.toString().replaceAll("/+$", "");
        this.clock = clock;
    }

    /** Sends the mails about {@code replyId} (by {@code replier}, in the thread of {@code top}); never throws. */
    void send(String replyId, Account replier, CommentRepository.Row top, String text) {
        try {
            String title = repository.title(top.arxivId()).map(t -> t.replaceAll("\\s+", " ").strip()).orElse(top.arxivId());
            for (Recipient r : repository.recipients(top.id(), top.arxivId(), replier.id())) {
                if (repository.claimMail(replyId, r.accountId(), clock.instant())) {
                    deliver(replyId, r, message(r, replier, top, title, text));
                }
            }
        } catch (RuntimeException e) {
            log.error("Reply mails for comment {} failed", replyId, e);
        }
    }

    private void deliver(String replyId, Recipient r, MailMessage message) {
        try {
            mailer.send(message);
            repository.markMail(replyId, r.accountId(), "sent");
        } catch (MailException e) {
            log.warn("Reply mail about comment {} was not delivered: {}", replyId, e.getMessage());
            repository.markMail(replyId, r.accountId(), "failed");
        }
    }

    private MailMessage message(Recipient r, Account replier, CommentRepository.Row top, String title, String text) {
        String off = base + "/discussion/mail-off?token=" + r.offToken();
        String quoted = text.length() > QUOTED ? text.substring(0, QUOTED) + "…" : text;
        String subject = replier.name() + " replied on “" + (title.length() > 120 ? title.substring(0, 120) + "…" : title) + "”";
        String body = """
                %s replied in a discussion on Daily Papers you take part in (“%s”):

                %s

                Read the thread and answer: %s/papers/%s#comment-%s

                You get this mail because you turned on reply mail in your account. Turn it off with one click:
                %s
                """.formatted(replier.name(), title, quoted.indent(4).stripTrailing(), base, top.arxivId(), top.id(), off);
        return new MailMessage(new EmailAddress(r.email()), subject.replaceAll("[\\r\\n]", " "), body, Optional.empty(),
                Map.of("List-Unsubscribe", "<" + off + ">"));
    }
}
