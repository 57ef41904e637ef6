package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HarvestConfigTest {
    @Test
    void defaults_are_polite_and_on() {
        HarvestConfig config = HarvestConfig.fromEnv(Map.of());
        assertThat(config.scheduled()).as("a live feed is what serve is for").isTrue();
        assertThat(HarvestConfig.fromEnv(Map.of("DAILYPAPERS_HARVEST_ENABLED", "false")).scheduled()).isFalse();
        assertThat(config.time()).isEqualTo(LocalTime.of(6, 0));
        assertThat(config.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.arxivBaseUrl()).hasToString("https://export.arxiv.org/oai2");
        assertThat(config.hfBaseUrl()).hasToString("https://huggingface.co");
        assertThat(config.arxivSet()).contains("cs");
        assertThat(config.arxivDelay()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void the_environment_overrides_and_an_empty_set_means_every_set() {
        HarvestConfig config = HarvestConfig.fromEnv(Map.of("DAILYPAPERS_HARVEST_ENABLED", "true",
                "DAILYPAPERS_HARVEST_TIME", "23:30", "DAILYPAPERS_HARVEST_ZONE", "Europe/Paris",
                "DAILYPAPERS_HARVEST_SET", "", "DAILYPAPERS_HARVEST_DELAY", "0.5",
                "DAILYPAPERS_HARVEST_HF_BASE_URL", "http://localhost:9000/"));
        assertThat(config.scheduled()).isTrue();
        assertThat(config.time()).isEqualTo(LocalTime.of(23, 30));
        assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(config.arxivSet()).isEmpty();
        assertThat(config.arxivDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.hfBaseUrl()).hasToString("http://localhost:9000");
        assertThat(config.withArxiv(null, Optional.of("physics:hep-ex"), null).arxivSet()).contains("physics:hep-ex");
        assertThat(HarvestConfig.checkSet("cs:cs:AI")).isEqualTo("cs:cs:AI");
    }

    @Test
    void bad_values_fail_with_the_variable_named() {
        for (String[] bad : new String[][] {{"DAILYPAPERS_HARVEST_ENABLED", "sometimes"}, {"DAILYPAPERS_HARVEST_TIME", "6am"},
                {"DAILYPAPERS_HARVEST_ZONE", "Mars/Olympus"}, {"DAILYPAPERS_HARVEST_ARXIV_BASE_URL", "ftp://arxiv.org"},
                {"DAILYPAPERS_HARVEST_HF_BASE_URL", "https://huggingface.co/?x=1"}, {"DAILYPAPERS_HARVEST_SET", "cs; DROP"},
                {"DAILYPAPERS_HARVEST_DELAY", "-1"}, {"DAILYPAPERS_HARVEST_TIMEOUT", "soon"}}) {
            assertThatThrownBy(() -> HarvestConfig.fromEnv(Map.of(bad[0], bad[1]))).as(bad[0])
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(bad[0]);
        }
    }
}
