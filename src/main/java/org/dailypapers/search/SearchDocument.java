package org.dailypapers.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.dailypapers.paper.Paper;

/**
 * What the search index knows of a paper. Lists are never null; {@code organization} (the organization's
 * handle, lower-cased, e.g. {@code google}) and {@code day} may be null.
 *
 * @param day the feed day when the paper is on the feed, else its arXiv publication day (UTC); date filters
 *     apply to it
 */
public record SearchDocument(
        String id,
        String title,
        String abstractText,
        List<String> authors,
        List<String> keywords,
        List<String> categories,
        String organization,
        LocalDate day,
        boolean hasCode) {

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
        categories = List.copyOf(categories);
        organization = organization == null || organization.isBlank()
                ? null : organization.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Raise this when a paper's document changes in a way its fields do not show (one mapped differently in
     * {@link #from}): every {@link #version()} then changes, so the next start compares every paper with the
     * index ({@link IndexInStepMarker}) and re-indexes each.
     */
    public static final int FORMAT = 1;

    /** A document with only an id, a title and a text, as evaluation collections have. */
    public static SearchDocument ofText(String id, String title, String text) {
        return new SearchDocument(id, title, text, List.of(), List.of(), List.of(), null, null, false);
    }

    /**
     * The document of a paper. {@code feedDay} (nullable) is the day the paper was put on the feed; without it
     * the day is the arXiv publication day.
     */
    public static SearchDocument from(Paper paper, LocalDate feedDay) {
        return new SearchDocument(
                paper.id().value(),
                paper.title(),
                paper.summary(),
                paper.authors(),
                paper.keywords(),
                paper.categories(),
                paper.organization() == null ? null : paper.organization().name(),
                feedDay != null ? feedDay : LocalDate.ofInstant(paper.publishedAt(), ZoneOffset.UTC),
                paper.githubRepo() != null && !paper.githubRepo().isBlank());
    }

    /** The text an {@link Embedder} encodes: title and abstract, as BEIR evaluations do. */
    public String embeddingText() {
        return title.isEmpty() ? abstractText : title + " " + abstractText;
    }

    /**
     * A hash of every indexed field: equal versions mean the index holds this exact document. The owner
     * compares it with {@link PaperIndex#indexedVersions()} to find what to re-index.
     */
    public String version() {
        String canonical = String.join("\u0001", id, title, abstractText, String.join("\u0002", authors),
                String.join("\u0002", keywords), String.join("\u0002", categories), String.valueOf(organization),
                String.valueOf(day), String.valueOf(hasCode))
                + (FORMAT == 1 ? "" : "\u0001format=" + FORMAT); // format 1: the versions indexes already hold
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
