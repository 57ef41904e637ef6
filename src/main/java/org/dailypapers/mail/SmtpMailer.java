package org.dailypapers.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.dailypapers.mail.MailException.Kind;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through an SMTP server with Angus Mail. One connection is opened on first use and kept for the messages
 * that follow (a digest run sends thousands; a handshake per message would cost more than the message), and
 * reopened after any failure. Sends are serialised on that connection. Thread-safe; {@link #close()} hangs up.
 *
 * <p>Failures are classified for the caller ({@link MailException.Kind}): a 5xx reply to RCPT TO rejects the
 * recipient; a 5xx reply to MAIL FROM or after DATA rejects our sender or the message (not the recipient); a
 * 4xx reply, a refused or dropped connection, a timeout and failed authentication are transient, since a later
 * attempt (or a fixed configuration) can succeed.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

    private final MailConfig.Smtp smtp;
    private final Session session;
    private final MimeMessages mime;
    private final ReentrantLock lock = new ReentrantLock();
    private Transport transport;

    public SmtpMailer(MailConfig.Smtp smtp, String from) {
        this.smtp = smtp;
        this.session = Session.getInstance(properties(smtp));
        this.mime = new MimeMessages(session, from);
    }

    private static Properties properties(MailConfig.Smtp smtp) {
        Properties props = new Properties();
        String protocol = smtp.tls() == MailConfig.Tls.TLS ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        String p = "mail." + protocol + ".";
        props.put(p + "host", smtp.host());
        props.put(p + "port", Integer.toString(smtp.port()));
        String millis = Long.toString(smtp.timeout().toMillis());
        props.put(p + "connectiontimeout", millis);
        props.put(p + "timeout", millis);
        props.put(p + "writetimeout", millis);
        props.put(p + "auth", Boolean.toString(smtp.user().isPresent()));
        // TCP_NODELAY: see NoDelaySockets (Nagle's algorithm cost ~50 ms per message).
        if (smtp.tls() == MailConfig.Tls.TLS) {
            props.put(p + "ssl.socketFactory", NoDelaySockets.tls());
        } else {
            props.put(p + "socketFactory", NoDelaySockets.plain());
            props.put(p + "socketFactory.fallback", "false");
        }
        if (smtp.tls() == MailConfig.Tls.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true"); // never fall back to sending credentials in clear
        }
        if (smtp.tls() != MailConfig.Tls.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    @Override
    public void send(MailMessage message) throws MailException {
        MimeMessage mimeMessage;
        try {
            mimeMessage = mime.toMime(message);
        } catch (MessagingException e) {
            throw new MailException("cannot build the message to " + message.to() + ": " + e.getMessage(), Kind.REJECTED, e);
        }
        lock.lock();
        try {
            Transport connected = connected();
            connected.sendMessage(mimeMessage, mimeMessage.getAllRecipients());
        } catch (MessagingException e) {
            hangUp();
            throw classify(message.to(), e);
        } finally {
            lock.unlock();
        }
    }

    private Transport connected() throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            Transport fresh = session.getTransport();
            fresh.connect(smtp.host(), smtp.port(), smtp.user().orElse(null), smtp.password().orElse(null));
            transport = fresh;
        }
        return transport;
    }

    static MailException classify(EmailAddress to, MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new MailException("the SMTP server refused our credentials: " + e.getMessage(), Kind.TRANSIENT, e);
        }
        // A reply to RCPT TO is about this recipient; a reply to MAIL FROM or to DATA is about us or the message,
        // and must never mark the recipient (one "554 spam" would otherwise unsubscribe everybody).
        SMTPAddressFailedException rcpt = find(e, SMTPAddressFailedException.class);
        if (rcpt != null && rcpt.getReturnCode() >= 500) {
            return new MailException("the SMTP server rejected the address " + to + " (" + rcpt.getReturnCode() + "): "
                    + firstLine(rcpt), Kind.RECIPIENT_REJECTED, e);
        }
        if (rcpt == null && invalidAddressesInclude(e, to)) {
            return new MailException("the SMTP server rejected the address " + to + ": " + firstLine(e), Kind.RECIPIENT_REJECTED, e);
        }
        SMTPSendFailedException send = find(e, SMTPSendFailedException.class);
        int code = rcpt != null ? rcpt.getReturnCode() : send != null ? send.getReturnCode() : 0;
        if (code >= 500) {
            return new MailException("the SMTP server rejected our message to " + to + " (" + code + ", sender or content,"
                    + " not the address): " + firstLine(e), Kind.REJECTED, e);
        }
        String why = code >= 400 ? "deferred (" + code + ")" : "not delivered";
        return new MailException("mail to " + to + " " + why + ": " + firstLine(e), Kind.TRANSIENT, e);
    }

    /** The first exception of {@code type} in the chain of nested exceptions, or null. */
    private static <T extends Exception> T find(Exception e, Class<T> type) {
        for (Exception current = e; current != null; ) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current instanceof MessagingException m ? m.getNextException() : null;
        }
        return null;
    }

    /** Whether the server refused {@code to} as a recipient (Angus lists refused RCPTs as invalid addresses). */
    private static boolean invalidAddressesInclude(MessagingException e, EmailAddress to) {
        if (!(e instanceof SendFailedException failed) || failed.getInvalidAddresses() == null) {
            return false;
        }
        for (Address a : failed.getInvalidAddresses()) {
            if (a instanceof InternetAddress ia && to.value().equalsIgnoreCase(ia.getAddress())) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage()).strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }

    private void hangUp() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                log.debug("closing the SMTP connection failed", e);
            }
            transport = null;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            hangUp();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return smtp.toString();
    }
}
