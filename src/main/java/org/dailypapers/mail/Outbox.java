package org.dailypapers.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The {@code .eml} files an {@link OutboxMailer} wrote, read back for {@code /dev/mailbox}. Thread-safe. */
public final class Outbox {
    /** A message's id is its file name without {@code .eml}; nothing else is accepted (no path traversal). */
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z.\\-]{1,80}");

    /** One stored message; {@code headers} holds every header, first value of each. */
    public record Message(String id, Instant sent, String from, String to, String subject, String text,
            Optional<String> html, Map<String, String> headers) {}

    private final Path directory;
    private final Session session = Session.getInstance(new Properties());

    public Outbox(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The newest {@code limit} messages, newest first. */
    public List<Message> newest(int limit) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .limit(limit)
                    .map(this::read)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message with this id, or empty when there is none (or the id is not one). */
    public Optional<Message> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return read(directory.resolve(id + ".eml"));
    }

    private Optional<Message> read(Path file) {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage mime = new MimeMessage(session, in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (var header : java.util.Collections.list(mime.getAllHeaders())) {
                headers.putIfAbsent(header.getName(), jakarta.mail.internet.MimeUtility.decodeText(header.getValue()));
            }
            Parts parts = new Parts();
            parts.collect(mime);
            Instant sent = mime.getSentDate() == null ? Files.getLastModifiedTime(file).toInstant() : mime.getSentDate().toInstant();
            return Optional.of(new Message(name.substring(0, name.length() - ".eml".length()), sent,
                    headers.getOrDefault("From", ""), headers.getOrDefault("To", ""), Optional.ofNullable(mime.getSubject()).orElse(""),
                    parts.text, Optional.ofNullable(parts.html), headers));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot read the outbox message " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first text/plain and text/html parts, at any depth of multipart nesting. */
    private static final class Parts {
        private String text = "";
        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }
    }
}
