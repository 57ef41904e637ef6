package org.dailypapers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedPeriodTest {
    @Test
    void iso_week_runs_monday_to_sunday_and_round_trips() {
        FeedPeriod week = FeedPeriod.parseWeek("2024-W23");
        assertThat(week.first()).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(week.last()).isEqualTo(LocalDate.of(2024, 6, 9));
        assertThat(week.key()).isEqualTo("2024-W23");
        assertThat(week.path()).isEqualTo("/papers/week/2024-W23");
    }

    @Test
    void week_one_may_start_in_the_previous_year_and_week_53_exists_only_in_long_years() {
        assertThat(FeedPeriod.parseWeek("2025-W01").first()).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(FeedPeriod.parseWeek("2020-W53").last()).isEqualTo(LocalDate.of(2021, 1, 3));
        assertThatThrownBy(() -> FeedPeriod.parseWeek("2024-W53")).hasMessageContaining("01 to 52");
    }

    @Test
    void month_covers_its_days() {
        FeedPeriod month = FeedPeriod.parseMonth("2024-02");
        assertThat(month.first()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(month.last()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(month.title()).isEqualTo("February 2024");
    }

    @Test
    void containing_finds_the_period_of_a_day() {
        LocalDate day = LocalDate.of(2026, 8, 21);
        assertThat(FeedPeriod.containing(FeedPeriod.Kind.WEEK, day).key()).isEqualTo("2026-W34");
        assertThat(FeedPeriod.containing(FeedPeriod.Kind.MONTH, day).key()).isEqualTo("2026-08");
        assertThat(FeedPeriod.containing(FeedPeriod.Kind.DAY, day).path()).isEqualTo("/papers/date/2026-08-21");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01", "2024-02-30", "20240601", "2024-6-1", "yesterday", "0000-01-01", "' OR 1=1 --"})
    void invalid_days_say_what_was_expected(String text) {
        assertThatThrownBy(() -> FeedPeriod.parseDay(text)).isInstanceOf(InvalidPeriodException.class)
                .hasMessageMatching(".*(expected YYYY-MM-DD|outside the years).*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-W00", "2024-W54", "2024-23", "2024W23", "2024-w23", ""})
    void invalid_weeks_are_refused(String text) {
        assertThatThrownBy(() -> FeedPeriod.parseWeek(text)).isInstanceOf(InvalidPeriodException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13", "2024-6", "2024", "June"})
    void invalid_months_are_refused(String text) {
        assertThatThrownBy(() -> FeedPeriod.parseMonth(text)).isInstanceOf(InvalidPeriodException.class)
                .hasMessageContaining("expected YYYY-MM");
    }
}
