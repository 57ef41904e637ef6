package org.dailypapers.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Turns a {@link MailMessage} into MIME: text/plain alone, or multipart/alternative with text then HTML. */
final class MimeMessages {
    private final Session session;
    private final InternetAddress from;

    MimeMessages(Session session, String from) {
        this.session = session;
        try {
            this.from = new InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("not a sender address: " + from, e);
        }
    }

    MimeMessage toMime(MailMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(from);
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.to().value()));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(new Date());
        for (var header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), encode(header.getValue()));
        }
        if (message.html().isEmpty()) {
            mime.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
        } else {
            // Clients show the last alternative they understand: plain text first, HTML last.
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html().get(), StandardCharsets.UTF_8.name(), "html");
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        mime.saveChanges();
        return mime;
    }

    /** Non-ASCII header values are RFC 2047-encoded; ASCII ones (URLs, tokens) pass unchanged. */
    private static String encode(String value) {
        try {
            return jakarta.mail.internet.MimeUtility.encodeText(value, StandardCharsets.UTF_8.name(), null);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
