package org.dailypapers.mail;

/**
 * Delivers one message. Implementations: {@code SmtpMailer} (Angus Mail, when SMTP is configured) and
 * {@code OutboxMailer} (an {@code .eml} file per message under the data directory's {@code outbox/}, the
 * embedded default). Thread-safe.
 */
public interface Mailer {
    /**
     * Sends the message from the configured sender.
     *
     * @throws MailException when it was not delivered; {@link MailException#kind()} tells whether a retry could
     *     help (a transient SMTP 4xx or a dropped connection), the recipient was refused (5xx to RCPT TO), or the
     *     sender or message was (5xx to MAIL FROM or DATA)
     */
    void send(MailMessage message) throws MailException;
}
