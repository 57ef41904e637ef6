package org.dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailConfigTest {
    @Test
    void no_smtp_host_means_the_outbox() {
        MailConfig config = MailConfig.fromEnv(Map.of());
        assertThat(config.smtp()).isEmpty();
        assertThat(config.from()).isEqualTo(MailConfig.DEFAULT_FROM);
    }

    @Test
    void the_port_follows_the_tls_mode_unless_given() {
        assertThat(MailConfig.fromEnv(Map.of("DAILYPAPERS_SMTP_HOST", "smtp.example.org")).smtp().orElseThrow())
                .satisfies(s -> assertThat(s.port()).isEqualTo(587)).satisfies(s -> assertThat(s.tls()).isEqualTo(MailConfig.Tls.STARTTLS));
        assertThat(MailConfig.fromEnv(Map.of("DAILYPAPERS_SMTP_HOST", "h", "DAILYPAPERS_SMTP_TLS", "tls")).smtp().orElseThrow().port()).isEqualTo(465);
        assertThat(MailConfig.fromEnv(Map.of("DAILYPAPERS_SMTP_HOST", "h", "DAILYPAPERS_SMTP_TLS", "none", "DAILYPAPERS_SMTP_PORT", "2525"))
                .smtp().orElseThrow().port()).isEqualTo(2525);
    }

    @Test
    void bad_settings_are_refused_with_the_variable_named() {
        assertThatThrownBy(() -> MailConfig.fromEnv(Map.of("DAILYPAPERS_SMTP_HOST", "h", "DAILYPAPERS_SMTP_TLS", "maybe")))
                .hasMessageContaining("DAILYPAPERS_SMTP_TLS");
        assertThatThrownBy(() -> MailConfig.fromEnv(Map.of("DAILYPAPERS_SMTP_HOST", "h", "DAILYPAPERS_SMTP_PORT", "x")))
                .hasMessageContaining("DAILYPAPERS_SMTP_PORT");
        assertThatThrownBy(() -> MailConfig.fromEnv(Map.of("DAILYPAPERS_SMTP_HOST", "h", "DAILYPAPERS_SMTP_USER", "u")))
                .hasMessageContaining("DAILYPAPERS_SMTP_PASSWORD");
        assertThatThrownBy(() -> MailConfig.fromEnv(Map.of("DAILYPAPERS_MAIL_FROM", "not an address")))
                .hasMessageContaining("DAILYPAPERS_MAIL_FROM");
        assertThat(MailConfig.fromEnv(Map.of("DAILYPAPERS_SMTP_HOST", "h", "DAILYPAPERS_SMTP_USER", "u", "DAILYPAPERS_SMTP_PASSWORD", "secret"))
                .smtp().orElseThrow().toString()).doesNotContain("secret");
    }
}
