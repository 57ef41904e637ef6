package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientsTest {
    @Test
    void the_per_client_limit_counts_ipv4_addresses_singly_and_ipv6_ones_by_their_64_network() {
        assertThat(Clients.rateKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(Clients.rateKey("203.0.113.8")).isNotEqualTo(Clients.rateKey("203.0.113.7"));
        // One host hopping through its /64 (privacy addresses) stays one client.
        assertThat(Clients.rateKey("2001:db8:1:2::1")).isEqualTo(Clients.rateKey("2001:db8:1:2:ffff:aaaa:bbbb:cccc"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(Clients.rateKey("2001:db8:1:3::1")).isNotEqualTo(Clients.rateKey("2001:db8:1:2::1"));
    }
}
