package org.dailypapers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {
    @Test
    void defaults_then_environment_then_flags() {
        AppConfig defaults = AppConfig.resolve(Map.of(), null, null);
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.dataDir()).isEqualTo(Path.of("data"));
        assertThat(defaults.database().url()).isEqualTo("jdbc:sqlite:data/papers.db");

        Map<String, String> env = Map.of("DAILYPAPERS_PORT", "9000", "DAILYPAPERS_DATA", "/srv/dp");
        assertThat(AppConfig.resolve(env, null, null).port()).isEqualTo(9000);
        assertThat(AppConfig.resolve(env, null, 7000).port()).isEqualTo(7000);
        assertThat(AppConfig.resolve(env, Path.of("x"), null).dataDir()).isEqualTo(Path.of("x"));
    }

    @Test
    void bad_values_fail_at_start_up_with_the_setting_named() {
        assertThatThrownBy(() -> AppConfig.resolve(Map.of("DAILYPAPERS_PORT", "eighty"), null, null))
                .hasMessageContaining("DAILYPAPERS_PORT");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of(), null, 70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of("DAILYPAPERS_DB_URL", "jdbc:mysql://x"), null, null))
                .hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of("DAILYPAPERS_DEMO", "maybe"), null, null))
                .hasMessageContaining("DAILYPAPERS_DEMO");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of("DAILYPAPERS_BASE_URL", "ftp://x.org"), null, null))
                .hasMessageContaining("DAILYPAPERS_BASE_URL");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of("DAILYPAPERS_BASE_URL", "https://x.org/?a=1"), null, null))
                .hasMessageContaining("DAILYPAPERS_BASE_URL");
        assertThatThrownBy(() -> AppConfig.resolve(Map.of("DAILYPAPERS_SMTP_HOST", "smtp.example.org"), null, null))
                .hasMessageContaining("DAILYPAPERS_BASE_URL is required");
    }

    @Test
    void base_url_is_configured_or_local() {
        assertThat(AppConfig.resolve(Map.of(), null, 9001).baseUrlOrLocal()).hasToString("http://localhost:9001");
        assertThat(AppConfig.resolve(Map.of("DAILYPAPERS_BASE_URL", "https://papers.example.org/dp/"), null, null)
                .baseUrlOrLocal()).hasToString("https://papers.example.org/dp");
    }
}
