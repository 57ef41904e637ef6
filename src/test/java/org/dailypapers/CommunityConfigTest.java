package org.dailypapers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.dailypapers.mail.EmailAddress;
import org.junit.jupiter.api.Test;

class CommunityConfigTest {
    @Test
    void defaults_follow_the_issue() {
        CommunityConfig c = CommunityConfig.fromEnv(Map.of());
        assertThat(c.account().linkLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.account().admins()).isEmpty();
        assertThat(c.submission().windowDays()).isEqualTo(14);
        assertThat(c.submission().arxivApiUrl()).hasToString("https://export.arxiv.org/api/query");
        assertThat(c.trendingHalfLife()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void settings_are_read_and_admin_addresses_normalised() {
        CommunityConfig c = CommunityConfig.fromEnv(Map.of("DAILYPAPERS_ADMINS", " Root@Example.org ,b@example.org,",
                "DAILYPAPERS_SUBMIT_WINDOW_DAYS", "7", "DAILYPAPERS_ARXIV_API_URL", "http://127.0.0.1:9/api/query",
                "DAILYPAPERS_TRENDING_HALF_LIFE_HOURS", "6"));
        assertThat(c.account().admins()).containsExactlyInAnyOrder(EmailAddress.parse("root@example.org"), EmailAddress.parse("b@example.org"));
        assertThat(c.submission().windowDays()).isEqualTo(7);
        assertThat(c.trendingHalfLife()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void bad_values_stop_the_start_naming_the_variable() {
        assertThatThrownBy(() -> CommunityConfig.fromEnv(Map.of("DAILYPAPERS_ADMINS", "root@example.org, not an address")))
                .hasMessageStartingWith("DAILYPAPERS_ADMINS:");
        assertThatThrownBy(() -> CommunityConfig.fromEnv(Map.of("DAILYPAPERS_SUBMIT_DAILY_LIMIT", "0")))
                .hasMessageContaining("DAILYPAPERS_SUBMIT_DAILY_LIMIT must be a whole number from 1");
        assertThatThrownBy(() -> CommunityConfig.fromEnv(Map.of("DAILYPAPERS_SIGNIN_LINK_MINUTES", "ten")))
                .hasMessageContaining("DAILYPAPERS_SIGNIN_LINK_MINUTES");
        assertThatThrownBy(() -> CommunityConfig.fromEnv(Map.of("DAILYPAPERS_ARXIV_API_URL", "ftp://arxiv.org/api")))
                .hasMessageStartingWith("DAILYPAPERS_ARXIV_API_URL");
        assertThatThrownBy(() -> CommunityConfig.fromEnv(Map.of("DAILYPAPERS_ARXIV_API_URL", "https://arxiv.org/api/query?x=1")))
                .hasMessageStartingWith("DAILYPAPERS_ARXIV_API_URL");
    }
}
