package org.dailypapers.paper;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canonical arXiv identifier without its version suffix: new style {@code 2406.09414} (YYMM.NNNN or
 * YYMM.NNNNN) or old style {@code math/0211159} (archive/YYMMNNN). Immutable and comparable by value.
 *
 * <p>Old-style ids may carry a subject class ({@code math.GT/0309136}); arXiv treats it as decoration, so the
 * canonical form drops it. A version ({@code v2}) is accepted on input and dropped too: a paper is one row,
 * whatever its version.
 */
public record ArxivId(String value) implements Comparable<ArxivId> {

    private static final Pattern NEW_STYLE = Pattern.compile("(\\d{4}\\.\\d{4,5})(v\\d{1,3})?");
    private static final Pattern OLD_STYLE =
            Pattern.compile("([a-z][a-z-]{1,15})(\\.[a-z]{2})?/(\\d{7})(v\\d{1,3})?", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile(
            "(?:https?://)?(?:www\\.|export\\.)?(?:arxiv\\.org/(?:abs|pdf|html)|huggingface\\.co/papers|hf\\.co/papers)/"
                    + "([^?#\\s]+?)(?:\\.pdf)?/?(?:[?#].*)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CANONICAL = Pattern.compile("\\d{4}\\.\\d{4,5}|[a-z][a-z-]{1,15}/\\d{7}");

    public ArxivId {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical arXiv id: " + value);
        }
    }

    /** Parses an id with or without version; empty when the text is not an arXiv id. */
    public static Optional<ArxivId> parse(String text) {
        return parseExact(text);
    }

    /**
     * Parses an id, an {@code arxiv:} prefixed id, or an arxiv.org (abs, pdf, html) or huggingface.co/papers URL.
     */
    public static Optional<ArxivId> parseLoose(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.regionMatches(true, 0, "arxiv:", 0, 6)) {
            trimmed = trimmed.substring(6).strip();
        }
        Matcher url = URL.matcher(trimmed);
        return parseExact(url.matches() ? url.group(1) : trimmed);
    }

    private static Optional<ArxivId> parseExact(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        Matcher m = NEW_STYLE.matcher(text);
        if (m.matches()) {
            return Optional.of(new ArxivId(m.group(1)));
        }
        m = OLD_STYLE.matcher(text);
        if (m.matches()) {
            return Optional.of(new ArxivId(m.group(1).toLowerCase(Locale.ROOT) + "/" + m.group(3)));
        }
        return Optional.empty();
    }

    /** True for the YYMM.NNNNN scheme arXiv has used since April 2007. */
    public boolean isNewStyle() {
        return value.indexOf('/') < 0;
    }

    /**
     * Why this id cannot name a paper that exists by {@code now} (the current month), or empty when it can. arXiv
     * numbers papers by the month they were submitted: new-style ids began in April 2007 (0704), with four
     * digits after the dot until December 2014 and five since January 2015; old-style ids ran from August 1991
     * to March 2007. A month outside 01..12, a month after {@code now} or a number 0 cannot exist, so there is no
     * need to ask arXiv about it.
     */
    public Optional<String> impossibleAt(YearMonth now) {
        boolean newStyle = isNewStyle();
        String digits = newStyle ? value : value.substring(value.indexOf('/') + 1);
        int yy = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        String number = newStyle ? digits.substring(5) : digits.substring(4);
        if (month < 1 || month > 12) {
            return Optional.of("there is no month " + digits.substring(2, 4) + " (the digits after the year are the month, 01 to 12)");
        }
        if (Integer.parseInt(number) == 0) {
            return Optional.of("arXiv numbers papers from 1, not " + number);
        }
        YearMonth issued = YearMonth.of(newStyle || yy < 91 ? 2000 + yy : 1900 + yy, month);
        if (issued.isAfter(now)) {
            return Optional.of("it would be from " + issued.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                    + " " + issued.getYear() + ", which has not come yet");
        }
        if (newStyle && issued.isBefore(YearMonth.of(2007, 4))) {
            return Optional.of("ids of this form start in April 2007 (0704); older papers have ids like math/0211159");
        }
        if (newStyle && number.length() != (issued.isBefore(YearMonth.of(2015, 1)) ? 4 : 5)) {
            return Optional.of(issued.isBefore(YearMonth.of(2015, 1))
                    ? "ids before 2015 have four digits after the dot" : "ids since 2015 have five digits after the dot");
        }
        if (!newStyle && (issued.isBefore(YearMonth.of(1991, 8)) || issued.isAfter(YearMonth.of(2007, 3)))) {
            return Optional.of("ids of this form were used from August 1991 to March 2007");
        }
        return Optional.empty();
    }

    public String absUrl() {
        return "https://arxiv.org/abs/" + value;
    }

    public String pdfUrl() {
        return "https://arxiv.org/pdf/" + value;
    }

    @Override
    public int compareTo(ArxivId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
