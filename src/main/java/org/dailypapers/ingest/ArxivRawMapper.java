package org.dailypapers.ingest;

import static org.dailypapers.ingest.JsonFields.MAX_TEXT;
import static org.dailypapers.ingest.JsonFields.MAX_TITLE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperRecord;

/**
 * Maps one OAI-PMH {@code arXivRaw} record (arxiv.org/OAI/arXivRaw.xsd) to a paper. arXivRaw carries the
 * newest version's title, abstract and author string, and the date of every version.
 *
 * <ul>
 *   <li>{@code publishedAt}: the first version's date, as the arXiv API's {@code published} (Paper's contract);
 *   <li>{@code asOf}: the record's datestamp (the day arXiv last changed it; a new version moves it), never
 *       earlier than the newest version's day: so a harvested new version is newer than what we hold and its
 *       title, abstract and authors replace the old ones through the importer's newer-wins rule, while a record
 *       re-harvested unchanged changes nothing;
 *   <li>authors: the one string split into names ({@link #authors});
 *   <li>categories: space-separated, primary first.
 * </ul>
 */
final class ArxivRawMapper {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Name separators: commas and semicolons, and "and" / "&" between names. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,;]\\s*(?:and\\s+|&\\s*)?|\\s+(?:and|&)\\s+");
    private static final Pattern SUFFIX = Pattern.compile("(?i)(jr|sr|ii|iii|iv)\\.?");

    private ArxivRawMapper() {}

    static PaperRecord map(OaiPmhPage.Record record) throws BadRecordException {
        Map<String, String> f = record.fields();
        String rawId = f.get("id");
        if (rawId == null || rawId.isBlank()) {
            throw new BadRecordException("no arXivRaw metadata with an <id>");
        }
        ArxivId id = ArxivId.parse(rawId.strip())
                .orElseThrow(() -> new BadRecordException("<id> is not an arXiv id: " + JsonFields.quote(rawId.strip())));
        List<Instant> versionDates = versionDates(record.versions());
        LocalDate asOf = LocalDate.ofInstant(versionDates.getLast(), ZoneOffset.UTC);
        if (record.datestamp() != null && !record.datestamp().isBlank()) {
            LocalDate stamp = datestamp(record.datestamp());
            asOf = stamp.isAfter(asOf) ? stamp : asOf;
        }
        Paper paper = new Paper(
                id,
                oneLine(required(f, "title", MAX_TITLE)),
                required(f, "abstract", MAX_TEXT).strip(),
                authors(optional(f, "authors", MAX_TEXT)),
                versionDates.getFirst(),
                categories(optional(f, "categories", MAX_TITLE)),
                nullIfBlank(optional(f, "comments", MAX_TEXT)),
                null,
                null,
                null,
                null,
                List.of(),
                null);
        return new PaperRecord(paper, null, asOf);
    }

    /**
     * Splits arXiv's author string ({@code "A. One, B. Two and C. Three"}) into names: at commas and
     * semicolons outside parentheses and at "and" / "&"; parenthesised affiliations ({@code "A. One (MIT)"})
     * are dropped, and a suffix such as "Jr." stays with the name before it.
     */
    static List<String> authors(String raw) {
        if (raw == null) {
            return List.of();
        }
        String flat = oneLine(withoutParentheses(raw));
        List<String> names = new ArrayList<>();
        for (String part : SEPARATOR.split(flat)) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (SUFFIX.matcher(name).matches() && !names.isEmpty()) {
                names.set(names.size() - 1, names.getLast() + ", " + name);
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static String withoutParentheses(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int depth = 0;
        for (char c : raw.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<Instant> versionDates(List<OaiPmhPage.Version> versions) throws BadRecordException {
        if (versions.isEmpty()) {
            throw new BadRecordException("no <version>: the publication date is unknown");
        }
        List<Instant> dates = new ArrayList<>(versions.size());
        for (OaiPmhPage.Version v : versions) {
            try {
                dates.add(ZonedDateTime.parse(v.date() == null ? "" : v.date().strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                throw new BadRecordException("<version version=\"" + v.label() + "\"> has no readable <date>: "
                        + JsonFields.quote(String.valueOf(v.date())));
            }
        }
        dates.sort(null);
        return dates;
    }

    private static LocalDate datestamp(String raw) throws BadRecordException {
        String s = raw.strip();
        try {
            return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new BadRecordException("<datestamp> is not a date: " + JsonFields.quote(s));
        }
    }

    private static List<String> categories(String raw) {
        return raw == null || raw.isBlank() ? List.of() : Arrays.asList(SPACES.split(raw.strip()));
    }

    private static String required(Map<String, String> fields, String name, int max) throws BadRecordException {
        String value = optional(fields, name, max);
        if (value == null || value.isBlank()) {
            throw new BadRecordException("<" + name + "> is missing or empty");
        }
        return value;
    }

    private static String optional(Map<String, String> fields, String name, int max) throws BadRecordException {
        String value = fields.get(name);
        if (value != null && value.length() > max) {
            throw new BadRecordException("<" + name + "> is " + value.length() + " characters long (at most " + max + ")");
        }
        return value == null ? null : JsonFields.stripControls(value);
    }

    /** arXiv wraps long titles and author lists over lines; they read as one line. */
    private static String oneLine(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static String nullIfBlank(String text) {
        return text == null || text.isBlank() ? null : oneLine(text);
    }
}
