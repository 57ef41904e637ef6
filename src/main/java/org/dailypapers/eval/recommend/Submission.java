package org.dailypapers.eval.recommend;

import java.time.LocalDate;
import java.util.List;

/**
 * A paper as it appeared on Hugging Face's daily papers: the feed day, who put it there, and its upvotes.
 *
 * @param submitter the Hugging Face user name of who submitted it ({@code submittedBy.name}); empty if unknown
 */
public record Submission(String id, LocalDate day, String submitter, String title, String summary,
                         List<String> authors, int upvotes) {

    public Submission {
        authors = List.copyOf(authors);
    }

    /** The text arxiv-sanity-lite's tf-idf reads: title, abstract and author names. */
    public String text() {
        return title + " " + summary + " " + String.join(" ", authors);
    }
}
