package org.dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailAddressTest {
    @Test
    void valid_addresses_are_trimmed_and_lower_cased() {
        assertThat(EmailAddress.parse("  Ada.Lovelace@Example.ORG ").value()).isEqualTo("ada.lovelace@example.org");
        assertThat(EmailAddress.parse("a+tag@sub.example.org").value()).isEqualTo("a+tag@sub.example.org");
    }

    @Test
    void invalid_addresses_are_refused_with_a_reason() {
        for (String bad : new String[] {"", "   ", "ada", "ada@", "@example.org", "ada@localhost", "a b@example.org",
                "ada@example.org\r\nBcc: victim@example.org", "Ada <ada@example.org>", "a@example.org, b@example.org",
                "x".repeat(250) + "@example.org"}) {
            assertThatThrownBy(() -> EmailAddress.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> EmailAddress.parse(null)).hasMessage("an email address is required");
    }

    @Test
    void header_values_with_line_breaks_are_refused() {
        EmailAddress to = EmailAddress.parse("ada@example.org");
        assertThatThrownBy(() -> MailMessage.text(to, "Hi\r\nBcc: victim@example.org", "body"))
                .hasMessageContaining("subject");
        assertThatThrownBy(() -> new MailMessage(to, "Hi", "body", Optional.empty(), Map.of("X-Topic", "a\nb")))
                .hasMessageContaining("X-Topic");
        assertThatThrownBy(() -> new MailMessage(to, "Hi", "body", Optional.empty(), Map.of("Bad Name", "v")))
                .hasMessageContaining("header name");
    }

    @Test
    void address_literals_and_non_ascii_local_parts_are_refused_and_international_domains_are_encoded() {
        for (String literal : new String[] {"a@[127.0.0.1]", "a@[IPv6:::1]", "root@[10.0.0.1]"}) {
            assertThatThrownBy(() -> EmailAddress.parse(literal)).as(literal)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IP address");
        }
        assertThatThrownBy(() -> EmailAddress.parse("üñí@exämple.org"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-ASCII characters before the @");
        assertThat(EmailAddress.parse("ada@Exämple.org").value()).isEqualTo("ada@xn--exmple-cua.org");
        assertThat(EmailAddress.parse("ada@bücher.example").value()).isEqualTo("ada@xn--bcher-kva.example");
        assertThatThrownBy(() -> EmailAddress.parse("ada@ex_ämple.org")).isInstanceOf(IllegalArgumentException.class);
    }
}
