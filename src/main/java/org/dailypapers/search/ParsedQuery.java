package org.dailypapers.search;

import java.util.List;

/**
 * A user query split into its parts by {@link UserQueryParser}. All lists are never null.
 *
 * @param text the free text, scored by BM25 or embedded for dense search
 * @param phrases quoted phrases that must occur in the title, abstract or keywords
 * @param excluded words or phrases after a minus sign that must not occur
 * @param authors {@code author:} values, each must match one author (a phrase when it has several words)
 * @param titles {@code title:} values that must occur in the title
 * @param organizations {@code org:} handles; a paper of any of them passes
 * @param categories {@code cat:} arXiv categories; a paper in any of them passes
 */
public record ParsedQuery(
        String text,
        List<String> phrases,
        List<String> excluded,
        List<String> authors,
        List<String> titles,
        List<String> organizations,
        List<String> categories) {

    public ParsedQuery {
        text = text == null ? "" : text;
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
        authors = List.copyOf(authors);
        titles = List.copyOf(titles);
        organizations = List.copyOf(organizations);
        categories = List.copyOf(categories);
    }

    /** The text a dense model should see: free text and phrases, without operators. */
    public String semanticText() {
        if (phrases.isEmpty()) {
            return text;
        }
        return (text + " " + String.join(" ", phrases)).strip();
    }

    /** This query without its free text (what feedback expansion keeps of it). */
    public ParsedQuery withoutText() {
        return new ParsedQuery("", phrases, excluded, authors, titles, organizations, categories);
    }

    /**
     * True when the query has a clause only the words of a paper can check (an author, a title word, a quoted
     * phrase, an exclusion): nearness of meaning says nothing about them.
     */
    public boolean hasLexicalClauses() {
        return !authors.isEmpty() || !titles.isEmpty() || !phrases.isEmpty() || !excluded.isEmpty();
    }

    /** True when nothing in the query scores or restricts, e.g. an empty query. */
    public boolean isEmpty() {
        return text.isBlank() && phrases.isEmpty() && excluded.isEmpty() && authors.isEmpty() && titles.isEmpty()
                && organizations.isEmpty() && categories.isEmpty();
    }
}
