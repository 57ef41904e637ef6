package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.testing.ArxivReplay;
import org.dailypapers.testing.ReplayServer;
import org.dailypapers.testing.ReplayServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The arXiv API client against recorded answers (../shared/data/arxiv-api/), errors and failures included. */
class ArxivApiClientTest {
    ReplayServer server;
    ArxivApiClient client;

    @BeforeEach
    void start() {
        server = ArxivReplay.serve(ReplayServer.start(),
                "id_1605.08386_s0_m100_199195aa31ad", "id_0000.0000_s0_m100_8b51d9633a68",
                "id_astro-ph_0601001_s0_m100_3150dca9dc76", "id_2104.12255v1_s0_m100_6ae69987ffe1");
        client = new ArxivApiClient(ArxivReplay.baseUrl(server), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void reads_a_paper_from_its_atom_entry() throws Exception {
        Paper p = client.find(new ArxivId("1605.08386")).orElseThrow();
        assertThat(p.title()).isEqualTo("Heat-bath random walks with Markov bases");
        assertThat(p.authors()).containsExactly("Caprice Stanley", "Tobias Windisch");
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2016-05-26T17:59:46Z"));
        assertThat(p.categories()).containsExactly("math.CO", "math.ST");
        assertThat(p.comment()).isEqualTo("20 pages, 3 figures");
        assertThat(p.summary()).startsWith("Graphs on lattice points are studied").endsWith("is an expander in fixed dimension.");
        assertThat(server.requests().getFirst().query()).contains("id_list=1605.08386");
    }

    @Test
    void reads_old_style_ids() throws Exception {
        Paper p = client.find(new ArxivId("astro-ph/0601001")).orElseThrow();
        assertThat(p.id().value()).isEqualTo("astro-ph/0601001");
        assertThat(p.title()).isNotBlank().doesNotContain("\n");
        assertThat(server.requests().getFirst().query()).contains("id_list=astro-ph%2F0601001");
    }

    @Test
    void an_id_arxiv_does_not_know_is_empty() throws Exception {
        assertThat(client.find(new ArxivId("0000.0000"))).isEqualTo(Optional.empty());
    }

    @Test
    void the_http_400_error_feed_is_a_rejection_with_arxivs_message() {
        server.when(r -> true, ArxivReplay.reply("id_abc_s0_m100_b79c8dcf6bc3"));
        assertThatThrownBy(() -> client.find(new ArxivId("1234.56789")))
                .isInstanceOf(ArxivApiException.class)
                .hasMessageContaining("incorrect id format for abc")
                .extracting(e -> ((ArxivApiException) e).kind()).isEqualTo(ArxivApiException.Kind.REJECTED);
    }

    @Test
    void a_slow_arxiv_times_out() {
        try (ReplayServer slow = ReplayServer.start()) {
            slow.when(r -> true, ArxivReplay.reply("id_1605.08386_s0_m100_199195aa31ad").delayedBy(Duration.ofSeconds(3)));
            ArxivApiClient impatient = new ArxivApiClient(ArxivReplay.baseUrl(slow), Duration.ofMillis(300));
            assertThatThrownBy(() -> impatient.find(new ArxivId("1605.08386")))
                    .isInstanceOf(ArxivApiException.class)
                    .hasMessageContaining("did not answer within")
                    .extracting(e -> ((ArxivApiException) e).kind()).isEqualTo(ArxivApiException.Kind.UNAVAILABLE);
        }
    }

    @Test
    void an_arxiv_that_sends_its_headers_at_once_and_then_trickles_the_body_times_out_too() {
        try (ReplayServer trickling = ReplayServer.start()) {
            // The whole recorded answer at one byte per 20 ms would take over a minute.
            trickling.when(r -> true, ArxivReplay.reply("id_1605.08386_s0_m100_199195aa31ad").trickled(Duration.ofMillis(20)));
            ArxivApiClient impatient = new ArxivApiClient(ArxivReplay.baseUrl(trickling), Duration.ofMillis(500));
            assertThatThrownBy(() -> impatient.find(new ArxivId("1605.08386")))
                    .isInstanceOf(ArxivApiException.class)
                    .hasMessageContaining("did not answer within")
                    .extracting(e -> ((ArxivApiException) e).kind()).isEqualTo(ArxivApiException.Kind.UNAVAILABLE);
        }
    }

    @Test
    void server_errors_dropped_connections_garbage_and_no_server_are_unavailable() throws Exception {
        try (ReplayServer failing = ReplayServer.start()) {
            failing.when(r -> true,
                    Reply.status(503, "Service Unavailable", "text/plain"),
                    ArxivReplay.reply("id_1605.08386_s0_m100_199195aa31ad").droppedAfter(300),
                    Reply.ok("<html>not atom", "text/html"));
            ArxivApiClient c = new ArxivApiClient(ArxivReplay.baseUrl(failing), Duration.ofSeconds(2));
            for (String expected : new String[] {"HTTP 503", "could not be reached", "not an Atom feed"}) {
                assertThatThrownBy(() -> c.find(new ArxivId("1605.08386"))).isInstanceOf(ArxivApiException.class)
                        .hasMessageContaining(expected)
                        .extracting(e -> ((ArxivApiException) e).kind()).isEqualTo(ArxivApiException.Kind.UNAVAILABLE);
            }
        }
        java.net.URI closed = server.url("/api/query");
        server.close();
        ArxivApiClient nobody = new ArxivApiClient(closed, Duration.ofSeconds(1));
        assertThatThrownBy(() -> nobody.find(new ArxivId("1605.08386"))).isInstanceOf(ArxivApiException.class)
                .extracting(e -> ((ArxivApiException) e).kind()).isEqualTo(ArxivApiException.Kind.UNAVAILABLE);
    }

    @Test
    void a_document_type_declaration_is_not_followed() {
        try (ReplayServer hostile = ReplayServer.start()) {
            hostile.when(r -> true, Reply.ok("""
                    <?xml version="1.0"?>
                    <!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                    <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/1605.08386v1</id>
                    <title>&xxe;</title><summary>s</summary><published>2016-05-26T17:59:46Z</published></entry></feed>
                    """, "application/atom+xml"));
            ArxivApiClient c = new ArxivApiClient(ArxivReplay.baseUrl(hostile), Duration.ofSeconds(2));
            try {
                Optional<Paper> p = c.find(new ArxivId("1605.08386"));
                assertThat(p.map(Paper::title).orElse("")).doesNotContain("root:");
            } catch (ArxivApiException e) {
                assertThat(e.kind()).isEqualTo(ArxivApiException.Kind.UNAVAILABLE);
            }
        }
    }
}
