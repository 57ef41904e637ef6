package org.dailypapers.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through an SMTP server with Angus Mail. One connection is opened on first use and kept for the messages
 * that follow (a digest run sends thousands; a handshake per message would cost more than the message), and
 * reopened after any failure. Sends are serialised on that connection. Thread-safe; {@link #close()} hangs up.
 *
 * <p>Failures are classified for the caller: a 5xx reply (the address or message rejected) is permanent; a 4xx
 * reply, a refused or dropped connection, a timeout and failed authentication are not, since a later attempt
 * (or a fixed configuration) can succeed.
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
            throw new MailException("cannot build the message to " + message.to() + ": " + e.getMessage(), true, e);
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
        int code = replyCode(e);
        if (e instanceof AuthenticationFailedException) {
            return new MailException("the SMTP server refused our credentials: " + e.getMessage(), false, e);
        }
        if (code >= 500) {
            return new MailException("the SMTP server rejected mail to " + to + " (" + code + "): " + firstLine(e), true, e);
        }
        String why = code >= 400 ? "deferred (" + code + ")" : "not delivered";
        return new MailException("mail to " + to + " " + why + ": " + firstLine(e), false, e);
    }

    /** The SMTP reply code of the rejection, looking through nested exceptions; 0 when there was no reply. */
    private static int replyCode(Exception e) {
        for (Exception current = e; current != null; ) {
            if (current instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            if (current instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
            current = current instanceof MessagingException m ? m.getNextException() : null;
        }
        return 0;
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
