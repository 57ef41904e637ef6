package org.dailypapers.feed;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of feed days: one day, one ISO week ({@code 2024-W23}) or one month ({@code 2024-06}).
 * Parsing is strict and its errors say what was expected, since the text comes from URLs.
 */
public record FeedPeriod(Kind kind, LocalDate first, LocalDate last) {
    public enum Kind { DAY, WEEK, MONTH }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final LocalDate EARLIEST = LocalDate.of(1991, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    public FeedPeriod {
        Objects.requireNonNull(kind, "kind");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
    }

    public static FeedPeriod day(LocalDate day) {
        return new FeedPeriod(Kind.DAY, day, day);
    }

    public static FeedPeriod week(LocalDate anyDay) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new FeedPeriod(Kind.WEEK, monday, monday.plusDays(6));
    }

    public static FeedPeriod month(YearMonth month) {
        return new FeedPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    /** The period of {@code kind} that contains {@code day}. */
    public static FeedPeriod containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case DAY -> day(day);
            case WEEK -> week(day);
            case MONTH -> month(YearMonth.from(day));
        };
    }

    /** Parses {@code YYYY-MM-DD}. */
    public static FeedPeriod parseDay(String text) {
        try {
            return day(inRange(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)));
        } catch (DateTimeParseException e) {
            throw new InvalidPeriodException("'" + shorten(text) + "' is not a date: expected YYYY-MM-DD, e.g. 2024-06-14");
        }
    }

    /** Parses an ISO week {@code YYYY-Www}, weeks 01 to 52 or 53 as the year has them. */
    public static FeedPeriod parseWeek(String text) {
        Matcher m = WEEK.matcher(text == null ? "" : text);
        String expected = "'" + shorten(text) + "' is not an ISO week: expected YYYY-Www, e.g. 2024-W23";
        if (!m.matches()) {
            throw new InvalidPeriodException(expected);
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate mid = LocalDate.of(year, 6, 15);
        long weeksInYear = mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeksInYear) {
            throw new InvalidPeriodException(year + " has ISO weeks 01 to " + weeksInYear + ", not " + m.group(2));
        }
        LocalDate day = mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
        return week(inRange(day));
    }

    /** Parses {@code YYYY-MM}. */
    public static FeedPeriod parseMonth(String text) {
        try {
            YearMonth month = YearMonth.parse(text, DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT));
            inRange(month.atDay(1));
            return month(month);
        } catch (DateTimeParseException e) {
            throw new InvalidPeriodException("'" + shorten(text) + "' is not a month: expected YYYY-MM, e.g. 2024-06");
        }
    }

    /** The canonical text of this period in URLs: {@code 2024-06-14}, {@code 2024-W24} or {@code 2024-06}. */
    public String key() {
        return switch (kind) {
            case DAY -> first.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d",
                    first.get(IsoFields.WEEK_BASED_YEAR), first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(first).toString();
        };
    }

    /** The page path of this period. */
    public String path() {
        return "/papers/" + kind.name().toLowerCase(Locale.ROOT).replace("day", "date") + "/" + key();
    }

    /** A human title: "Friday, June 14, 2024", "Week 24 of 2024 (June 10 – 16)", "June 2024". */
    public String title() {
        return switch (kind) {
            case DAY -> first.format(DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.ENGLISH));
            case WEEK -> "Week " + first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " of "
                    + first.get(IsoFields.WEEK_BASED_YEAR) + " ("
                    + first.format(DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH)) + " – "
                    + last.format(DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH)) + ")";
            case MONTH -> first.format(DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH));
        };
    }

    private static LocalDate inRange(LocalDate day) {
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw new InvalidPeriodException(day + " is outside the years arXiv can have papers for (1991 to 2999)");
        }
        return day;
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
