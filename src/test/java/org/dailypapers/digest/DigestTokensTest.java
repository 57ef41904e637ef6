package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.dailypapers.digest.DigestTokens.Purpose;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.testing.MutableClock;
import org.junit.jupiter.api.Test;

class DigestTokensTest {
    static final EmailAddress ADA = EmailAddress.parse("ada@example.org");
    final MutableClock clock = new MutableClock(Instant.parse("2026-08-22T12:00:00Z"));
    final DigestTokens tokens = new DigestTokens("s".repeat(40), clock);

    @Test
    void a_token_names_its_address_for_its_purpose_only() {
        String unsubscribe = tokens.issue(Purpose.UNSUBSCRIBE, ADA);
        assertThat(tokens.verify(unsubscribe, Purpose.UNSUBSCRIBE)).isEqualTo(ADA);
        assertThatThrownBy(() -> tokens.verify(unsubscribe, Purpose.MANAGE)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> tokens.verify(unsubscribe, Purpose.CONFIRM)).isInstanceOf(InvalidTokenException.class);
        assertThat(unsubscribe).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"); // safe in a URL as it is
    }

    @Test
    void editing_the_address_or_purpose_breaks_the_signature() {
        String[] parts = tokens.issue(Purpose.MANAGE, ADA).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        for (String edited : new String[] {payload.replace("ada@", "bob@"), payload.replace("MANAGE", "UNSUBSCRIBE")}) {
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
            assertThatThrownBy(() -> tokens.verify(forged, Purpose.MANAGE)).isInstanceOf(InvalidTokenException.class);
            assertThatThrownBy(() -> tokens.verify(forged, Purpose.UNSUBSCRIBE)).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void tokens_of_another_secret_and_malformed_ones_are_refused() {
        String foreign = new DigestTokens("t".repeat(40), clock).issue(Purpose.UNSUBSCRIBE, ADA);
        for (String bad : new String[] {foreign, "", ".", "abc", "abc.def", "!!!.???", "x".repeat(2_000), null}) {
            assertThatThrownBy(() -> tokens.verify(bad, Purpose.UNSUBSCRIBE)).as(String.valueOf(bad)).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void confirmation_tokens_expire_after_a_week_and_unsubscribe_tokens_never() {
        String confirm = tokens.issue(Purpose.CONFIRM, ADA);
        String unsubscribe = tokens.issue(Purpose.UNSUBSCRIBE, ADA);
        clock.advance(Duration.ofDays(6));
        assertThat(tokens.verify(confirm, Purpose.CONFIRM)).isEqualTo(ADA);
        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(() -> tokens.verify(confirm, Purpose.CONFIRM)).hasMessageContaining("expired");
        clock.advance(Duration.ofDays(3650));
        assertThat(tokens.verify(unsubscribe, Purpose.UNSUBSCRIBE)).isEqualTo(ADA);
    }
}
