package org.dailypapers.ingest;

import static org.dailypapers.ingest.JsonFields.MAX_TEXT;
import static org.dailypapers.ingest.JsonFields.MAX_TITLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRecord;

/**
 * Maps one line of an arXiv listing ({@code id, title, authors[], categories[], comment, abstract, listed}).
 * Such papers are in the catalogue (and search) but not on the daily feed: nobody put them there. The listing
 * date stands in for the publication date; a record that knows better (Hugging Face's) keeps its own
 * because {@link Paper#mergedWith} never moves the date later.
 */
final class ArxivListingMapper {
    private ArxivListingMapper() {}

    static PaperRecord map(JsonNode line) throws BadRecordException {
        LocalDate listed = JsonFields.date(line, "listed");
        if (listed == null) {
            throw new BadRecordException("'listed' is missing");
        }
        Paper paper = new Paper(
                JsonFields.id(line, "id"),
                JsonFields.requiredText(line, "title", MAX_TITLE).strip(),
                JsonFields.requiredText(line, "abstract", MAX_TEXT).strip(),
                JsonFields.strings(line, "authors", "name"),
                listed.atStartOfDay(ZoneOffset.UTC).toInstant(),
                JsonFields.strings(line, "categories", null),
                JsonFields.text(line, "comment", MAX_TEXT),
                null,
                null,
                null,
                null,
                java.util.List.of(),
                null);
        return new PaperRecord(paper, null, listed);
    }
}
