package org.dailypapers.digest;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.digest.DigestView.Item;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.mail.MailMessage;

/**
 * The mails of this capability: a digest (plain text and HTML, no images, with RFC 8058 one-click
 * unsubscribe headers), a confirmation request, and the note sent when a confirmed address subscribes
 * again. Stateless and thread-safe.
 */
final class DigestMessages {
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    MailMessage digest(DigestView view, EmailAddress to) {
        String subject = "Daily Papers " + view.kind() + ": " + (view.top().isEmpty() ? "" : view.top().getFirst().title() + " and more · ")
                + view.periodTitle();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + view.unsubscribeUrl() + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        StringOutput html = new StringOutput(16 * 1024);
        templates.render("digest/mail.jte", Map.of("view", view), html);
        return new MailMessage(to, clip(subject, 180), text(view), Optional.of(html.toString()), headers);
    }

    /**
     * Says how many topics were asked for but never their text: whoever fills the anonymous form chooses it, and
     * it must not reach a stranger's inbox in our name (phishing text). The confirm page shows the topics.
     */
    MailMessage confirmation(EmailAddress to, DigestPeriod period, Topics topics, String confirmUrl, String manageUrl) {
        int n = topics.queries().size();
        String text = "Hello,\n\nsomeone (hopefully you) asked for the " + period.id() + " Daily Papers digest at "
                + to.value() + (n == 0 ? "" : ", with " + n + (n == 1 ? " topic" : " topics") + " (shown when you confirm)") + ".\n\n"
                + "To start receiving it, confirm by opening this link (valid for 7 days):\n" + confirmUrl + "\n\n"
                + "If you did not ask for it, ignore this mail: nothing will be sent.\n"
                + "-- \nOnce confirmed, change its period or topics, or unsubscribe: " + manageUrl + "\n";
        return MailMessage.text(to, "Confirm your Daily Papers digest", text);
    }

    /**
     * Carries no signed link on purpose: without a configured base URL, links follow the request's Host
     * header, which whoever filled the form chose; a manage link pointing at their host would hand them the
     * token.
     */
    MailMessage alreadySubscribed(EmailAddress to) {
        String text = "Hello,\n\nsomeone (hopefully you) asked for a Daily Papers digest at " + to.value()
                + ", which already receives one. Nothing was changed.\n\n"
                + "To change its period or topics, or to unsubscribe, use the links at the bottom of any digest.\n";
        return MailMessage.text(to, "Your Daily Papers digest", text);
    }

    /** The plain-text part: the same content as the HTML, for clients (and people) that prefer text. */
    static String text(DigestView view) {
        StringBuilder out = new StringBuilder(4096);
        out.append("Daily Papers: top papers of ").append(view.periodTitle()).append(", by upvotes\n")
                .append(view.periodUrl()).append("\n\n");
        view.top().forEach(item -> item(out, item));
        view.forYou().ifPresent(forYou -> {
            out.append("FOR YOU\n").append(forYou.url()).append("\n\n");
            if (!forYou.personal()) {
                out.append("You have not told us what you like yet, so these are everyone's picks. Tell us at the link above.\n\n");
            }
            forYou.items().forEach(item -> item(out, item));
        });
        if (!view.sections().isEmpty()) {
            out.append("YOUR TOPICS\n\n");
            for (DigestView.Section section : view.sections()) {
                out.append("== ").append(section.topic()).append(" ==\n").append(section.searchUrl()).append("\n\n");
                section.items().forEach(item -> item(out, item));
            }
        }
        out.append("-- \nYou receive this ").append(view.kind()).append(" digest because ").append(view.address())
                .append(" subscribed to Daily Papers.\nChange period or topics: ").append(view.manageUrl())
                .append("\nUnsubscribe: ").append(view.unsubscribeUrl()).append('\n');
        return out.toString();
    }

    private static void item(StringBuilder out, Item item) {
        out.append(item.rank()).append(". ").append(item.title()).append("\n   ▲ ").append(item.upvotes())
                .append(item.upvotes() == 1 ? " upvote · " : " upvotes · ").append(item.authors()).append("\n   ").append(item.excerpt()).append("\n   ")
                .append(item.url()).append('\n');
        if (!item.why().isEmpty()) {
            out.append("   Why: ").append(item.why()).append('\n');
        }
        out.append('\n');
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
