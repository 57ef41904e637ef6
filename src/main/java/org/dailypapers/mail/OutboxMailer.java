package org.dailypapers.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mailer of an instance without SMTP: each message becomes one RFC 822 file, {@code outbox/<time>-<n>.eml},
 * that any mail client opens and {@code /dev/mailbox} lists. A file appears whole or not at all (written beside,
 * then moved into place), so a reader never sees half a message.
 */
public final class OutboxMailer implements Mailer {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);

    private final Outbox outbox;
    private final MimeMessages mime;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    public OutboxMailer(Outbox outbox, String from, Clock clock) {
        this.outbox = outbox;
        this.mime = new MimeMessages(Session.getInstance(new Properties()), from);
        this.clock = clock;
    }

    @Override
    public void send(MailMessage message) throws MailException {
        try {
            Files.createDirectories(outbox.directory());
            String name = STAMP.format(clock.instant()) + "-" + ProcessHandle.current().pid() + "-" + sequence.incrementAndGet() + ".eml";
            Path partial = Files.createTempFile(outbox.directory(), ".writing-", ".tmp");
            try (OutputStream out = Files.newOutputStream(partial)) {
                mime.toMime(message).writeTo(out);
            }
            Files.move(partial, outbox.directory().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new MailException("cannot write to the outbox " + outbox.directory() + ": " + e.getMessage(), MailException.Kind.TRANSIENT, e);
        }
    }
}
