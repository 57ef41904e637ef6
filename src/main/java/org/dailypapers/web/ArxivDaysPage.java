package org.dailypapers.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.paper.FeedPaper;

/**
 * {@code /} while nobody has put a paper on the community feed: the newest arXiv papers, by listing day,
 * newest first, so an instance holding only arXiv listings or harvests is never an empty page.
 *
 * @param days the newest listing days, each with its papers (newest day first)
 * @param total how many papers the instance holds (all searchable)
 * @param freshness how old the newest day is and, when it is old, why
 */
public record ArxivDaysPage(List<Day> days, long total, Freshness freshness) {
    /** One arXiv listing day and the papers of it shown here. */
    public record Day(LocalDate day, List<FeedPaper> papers) {}

    /** Groups papers, already newest first, by their arXiv listing day (UTC, as arXiv dates its listings). */
    static List<Day> byDay(List<FeedPaper> newestFirst) {
        List<Day> days = new ArrayList<>();
        for (FeedPaper fp : newestFirst) {
            LocalDate day = LocalDate.ofInstant(fp.paper().publishedAt(), ZoneOffset.UTC);
            if (days.isEmpty() || !days.getLast().day().equals(day)) {
                days.add(new Day(day, new ArrayList<>()));
            }
            days.getLast().papers().add(fp);
        }
        return days.stream().map(d -> new Day(d.day(), List.copyOf(d.papers()))).toList();
    }

    public String heading() {
        return "New on arXiv: " + Views.day(days.getFirst().day());
    }

    /** "74,728". */
    public String totalText() {
        return String.format(java.util.Locale.ENGLISH, "%,d", total);
    }

    public int shown() {
        return days.stream().mapToInt(d -> d.papers().size()).sum();
    }
}
