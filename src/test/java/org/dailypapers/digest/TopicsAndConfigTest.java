package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsAndConfigTest {
    @Test
    void topics_come_one_per_line_trimmed_without_blanks() {
        assertThat(Topics.fromLines("  agents \r\n\n author:\"Yann LeCun\"\n").queries()).containsExactly("agents", "author:\"Yann LeCun\"");
        assertThat(Topics.fromLines(null).isEmpty()).isTrue();
        assertThat(Topics.fromLines(" \n ").isEmpty()).isTrue();
    }

    @Test
    void topics_are_bounded_single_lines_without_duplicates() {
        assertThatThrownBy(() -> Topics.fromLines("a\nb\nc\nd\ne\nf")).hasMessage("at most 5 topics, not 6");
        assertThatThrownBy(() -> new Topics(List.of("a\nBcc: x@example.org"))).hasMessageContaining("line breaks");
        assertThatThrownBy(() -> new Topics(List.of("a\u2029b"))).hasMessageContaining("line breaks");
        assertThatThrownBy(() -> new Topics(List.of("x".repeat(201)))).hasMessageContaining("at most 200 characters");
        assertThatThrownBy(() -> Topics.fromLines("Agents\nagents")).hasMessageContaining("twice");
        assertThat(new Topics(List.of("x".repeat(200))).queries()).hasSize(1);
    }

    @Test
    void periods_parse_strictly_and_cover_finished_periods() {
        assertThat(DigestPeriod.parse(" Weekly ")).isEqualTo(DigestPeriod.WEEKLY);
        assertThatThrownBy(() -> DigestPeriod.parse("monthly")).hasMessage("period must be daily or weekly, not 'monthly'");
        assertThatThrownBy(() -> DigestPeriod.parse(null)).hasMessageContaining("daily or weekly");
        LocalDate monday = LocalDate.of(2026, 8, 24);
        assertThat(DigestPeriod.DAILY.lastCompleted(monday).key()).isEqualTo("2026-08-23");
        assertThat(DigestPeriod.WEEKLY.lastCompleted(monday).key()).isEqualTo("2026-W34");
    }

    @Test
    void config_comes_from_the_environment_and_names_the_bad_variable() {
        DigestConfig config = DigestConfig.fromEnv(Map.of("DAILYPAPERS_DIGEST_TIME", "07:30", "DAILYPAPERS_DIGEST_ZONE", "Europe/Berlin",
                "DAILYPAPERS_DIGEST_TOP", "20", "DAILYPAPERS_DIGEST_ENABLED", "false"));
        assertThat(config.sendAt()).isEqualTo(LocalTime.of(7, 30));
        assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(config.top()).isEqualTo(20);
        assertThat(config.enabled()).isFalse();
        assertThat(DigestConfig.fromEnv(Map.of())).isEqualTo(DigestConfig.defaults());
        for (var bad : List.of(Map.of("DAILYPAPERS_DIGEST_TIME", "7pm"), Map.of("DAILYPAPERS_DIGEST_ZONE", "Mars/Olympus"),
                Map.of("DAILYPAPERS_DIGEST_TOP", "0"), Map.of("DAILYPAPERS_DIGEST_TOP", "ten"), Map.of("DAILYPAPERS_DIGEST_ENABLED", "maybe"),
                Map.of("DAILYPAPERS_DIGEST_SECRET", "short"))) {
            String name = bad.keySet().iterator().next();
            assertThatThrownBy(() -> DigestConfig.fromEnv(bad)).as(name).hasMessageContaining(name);
        }
        assertThat(DigestConfig.fromEnv(Map.of("DAILYPAPERS_DIGEST_SECRET", "k".repeat(32))).toString()).doesNotContain("kkkk");
    }

    @Test
    void the_schedule_runs_at_the_configured_local_time_across_daylight_saving_changes() {
        DigestConfig config = new DigestConfig(true, LocalTime.of(8, 0), ZoneId.of("Europe/Berlin"), 10, 3, java.util.Optional.empty());
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Before 08:00: today; after: tomorrow; the night clocks go forward still gives 08:00 local.
        assertThat(nextRun(config, ZonedDateTime.of(2026, 3, 28, 7, 0, 0, 0, berlin))).isEqualTo(ZonedDateTime.of(2026, 3, 28, 8, 0, 0, 0, berlin));
        assertThat(nextRun(config, ZonedDateTime.of(2026, 3, 28, 9, 0, 0, 0, berlin))).isEqualTo(ZonedDateTime.of(2026, 3, 29, 8, 0, 0, 0, berlin));
    }

    private static ZonedDateTime nextRun(DigestConfig config, ZonedDateTime now) {
        return DigestScheduler.nextRun(config.sendAt(), now);
    }
}
