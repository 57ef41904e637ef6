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
     * @throws MailException when it was not delivered; {@link MailException#permanent()} tells whether a retry
     *     could help (a transient SMTP 4xx or a dropped connection) or not (a 5xx rejection of the address)
     */
    void send(MailMessage message) throws MailException;
}
