package org.dailypapers.paper;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A paper as we hold it, independent of any feed: its arXiv metadata plus what the community attached to it
 * (organization, code, project page, keywords). Strings are raw text as the source gave them (they may hold
 * LaTeX and even HTML, which views must escape). Nullable: comment, organization, githubRepo, githubStars,
 * projectPage, aiSummary. Lists are never null.
 *
 * @param publishedAt when arXiv published the first version (not when it was put on a feed)
 */
public record Paper(
        ArxivId id,
        String title,
        String summary,
        List<String> authors,
        Instant publishedAt,
        List<String> categories,
        String comment,
        Organization organization,
        String githubRepo,
        Integer githubStars,
        String projectPage,
        List<String> keywords,
        String aiSummary) {

    public Paper {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(publishedAt, "publishedAt");
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        keywords = List.copyOf(keywords);
    }

    /**
     * This paper updated by a newer record of it: the newer text wins, and what the newer record does not
     * know (null or empty) keeps its old value, so that an arXiv listing never erases a GitHub link that a
     * Hugging Face record brought. The first publication date never moves later.
     */
    public Paper mergedWith(Paper newer) {
        if (!newer.id.equals(id)) {
            throw new IllegalArgumentException("cannot merge " + newer.id + " into " + id);
        }
        return new Paper(
                id,
                newer.title,
                newer.summary,
                newer.authors.isEmpty() ? authors : newer.authors,
                newer.publishedAt.isBefore(publishedAt) ? newer.publishedAt : publishedAt,
                newer.categories.isEmpty() ? categories : newer.categories,
                or(newer.comment, comment),
                newer.organization == null ? organization
                        : organization == null ? newer.organization : organization.mergedWith(newer.organization),
                or(newer.githubRepo, githubRepo),
                or(newer.githubStars, githubStars),
                or(newer.projectPage, projectPage),
                newer.keywords.isEmpty() ? keywords : newer.keywords,
                or(newer.aiSummary, aiSummary));
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
