package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dailypapers.TestInstance;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.store.HarvestState;
import org.dailypapers.testing.ReplayServer;
import org.dailypapers.testing.ReplayServer.Reply;
import org.dailypapers.testing.ReplayServer.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The arXiv harvester against a local server replaying real OAI-PMH responses (fixtures/arxiv-oai/, see its
 * README), into a real instance (SQLite, Lucene). Waits are recorded, not spent.
 */
class ArxivOaiSourceTest {
    static final String TOKEN_1 = "resumptionToken=726959%7C1001";
    static final String TOKEN_2 = "resumptionToken=726959%7C1003";
    static final List<String> ALL_SIX = List.of("0704.0471", "0704.0716", "0704.0874", "0704.1109", "0704.1114", "0704.1586");

    @TempDir
    Path dataDir;

    TestInstance instance;
    ReplayServer arxiv;
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final List<long[]> progress = new CopyOnWriteArrayList<>();
    Harvester harvester;

    @BeforeEach
    void open() {
        instance = TestInstance.withFixtures(dataDir);
        arxiv = ReplayServer.start();
        harvester = harvesterWithTimeout("5");
    }

    private Harvester harvesterWithTimeout(String seconds) {
        HarvestConfig config = HarvestConfig.fromEnv(Map.of(
                "DAILYPAPERS_HARVEST_ARXIV_BASE_URL", arxiv.url("/oai2").toString(),
                "DAILYPAPERS_HARVEST_TIMEOUT", seconds));
        return instance.app().harvester().with(config, waits::add, 100);
    }

    @AfterEach
    void close() {
        arxiv.close();
        instance.close();
    }

    static Reply xml(String name) {
        return Reply.file(TestInstance.fixture("arxiv-oai/" + name), "text/xml; charset=utf-8");
    }

    static boolean first(Request r) {
        return r.query().contains("metadataPrefix=arXivRaw&from=2014-10-01");
    }

    private void servePages() {
        arxiv.when(ArxivOaiSourceTest::first, xml("page-1.xml"))
                .when(r -> r.query().contains(TOKEN_1), xml("page-2.xml"))
                .when(r -> r.query().contains(TOKEN_2), xml("page-3.xml"));
    }

    private HarvestReport harvest(LocalDate from) {
        return harvester.arxiv(from, null, (done, total) -> progress.add(new long[] {done, total}));
    }

    private PaperRecord paper(String id) {
        return instance.app().papers().find(ArxivId.parse(id).orElseThrow()).orElseThrow();
    }

    private HarvestState state() {
        return harvester.states().find("arxiv-oai:cs");
    }

    private List<String> search(String query) {
        return instance.app().search().search(SearchRequest.of(query, 3)).stream().map(ScoredPaper::id).toList();
    }

    @Test
    void follows_resumption_tokens_page_by_page_and_waits_between_requests() {
        servePages();

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        assertThat(report.completed()).isTrue();
        assertThat(report.requests()).isEqualTo(3);
        assertThat(report.records().created()).isEqualTo(6);
        assertThat(report.records().rejected()).isZero();
        List<Request> requests = arxiv.requests();
        assertThat(requests.get(0).query()).isEqualTo("verb=ListRecords&metadataPrefix=arXivRaw&from=2014-10-01&set=cs");
        assertThat(requests.get(1).query()).isEqualTo("verb=ListRecords&" + TOKEN_1);
        assertThat(requests.get(2).query()).isEqualTo("verb=ListRecords&" + TOKEN_2);
        assertThat(requests.get(0).headers().get("User-agent")).singleElement().asString().startsWith("DailyPapers-harvester/");
        assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(progress).extracting(p -> p[0] + "/" + p[1]).containsExactly("2/6", "4/6", "6/6");
        assertThat(instance.app().papers().count()).isEqualTo(6);
        ALL_SIX.forEach(id -> assertThat(instance.app().papers().find(ArxivId.parse(id).orElseThrow())).isPresent());
        // Complete: no token left; the next run starts on the day arXiv answered the first page.
        assertThat(state().inProgress()).isFalse();
        assertThat(state().nextFrom()).isEqualTo(LocalDate.of(2015, 1, 6));
        assertThat(report.resumption()).isEqualTo("complete; the next run starts at 2015-01-06");
    }

    @Test
    void maps_arxiv_raw_records_to_papers() {
        servePages();
        harvest(LocalDate.of(2014, 10, 1));

        PaperRecord limit = paper("0704.0716");
        assertThat(limit.paper().title()).isEqualTo("Limit distributions and scaling functions");
        assertThat(limit.paper().authors()).containsExactly("Christoph Richard");
        assertThat(limit.paper().categories()).containsExactly("math-ph", "math.MP");
        // The first version's date; the newest version's (v4, 2008-11-14) is older than the datestamp.
        assertThat(limit.paper().publishedAt()).isEqualTo(Instant.parse("2007-04-05T12:45:03Z"));
        assertThat(limit.asOf()).isEqualTo(LocalDate.of(2014, 12, 22));
        assertThat(limit.paper().comment()).isEqualTo("54 pages, 2 figures; v2 updated and slightly expanded; v3 changes in "
                + "some proofs; v4 slightly expanded");
        assertThat(limit.paper().summary()).startsWith("We discuss the asymptotic behaviour").endsWith("known results.");
        assertThat(limit.entry()).isNull(); // in the catalogue, not on the daily feed: nobody put it there
        assertThat(paper("0704.0471").paper().authors()).containsExactly("D.V. Shetty", "S.J. Yennello", "G.A. Souliotis");
        assertThat(paper("0704.0471").paper().title())
                .isEqualTo("Density dependence of the symmetry energy and the nuclear equation of state: A Dynamical and "
                        + "Statistical model perspective");
        assertThat(paper("0704.0471").paper().summary()).contains("extremely \" stiff \" and \" soft \"");
        assertThat(paper("0704.1109").paper().authors()).containsExactly("Valeria M. Rosa", "Patricio S. letelier");
        // BM25-searchable at once.
        assertThat(search("secant divisors generic curve")).first().isEqualTo("0704.0874");
    }

    @Test
    void a_new_version_updates_title_abstract_and_authors_and_the_index() {
        servePages();
        harvest(LocalDate.of(2014, 10, 1));
        arxiv.when(r -> r.query().contains("from=2015-02-01"), xml("new-version.xml"));

        HarvestReport report = harvest(LocalDate.of(2015, 2, 1));

        assertThat(report.records().updated()).isEqualTo(1);
        PaperRecord updated = paper("0704.0716");
        assertThat(updated.paper().title()).isEqualTo("Limit distributions and scaling functions of lattice polygons");
        assertThat(updated.paper().authors()).containsExactly("Christoph Richard", "Anthony J. Guttmann");
        assertThat(updated.paper().summary()).endsWith("This version adds a section on percolation hulls.");
        assertThat(updated.paper().publishedAt()).isEqualTo(Instant.parse("2007-04-05T12:45:03Z"));
        assertThat(search("percolation hulls lattice polygons")).first().isEqualTo("0704.0716");

        // Harvesting the older pages again changes nothing: the newer version stays.
        HarvestReport again = harvest(LocalDate.of(2014, 10, 1));
        assertThat(again.records().unchanged()).isEqualTo(6);
        assertThat(paper("0704.0716").paper().title()).endsWith("of lattice polygons");
    }

    @Test
    void an_incremental_run_starts_where_the_last_one_began_and_no_records_match_is_an_empty_result() {
        servePages();
        harvest(LocalDate.of(2014, 10, 1));
        arxiv.when(r -> r.query().contains("from=2015-01-06"), xml("ErrorResponseNoRecordsMatch.xml"));

        HarvestReport report = harvest(null);

        assertThat(arxiv.requests().getLast().query()).isEqualTo("verb=ListRecords&metadataPrefix=arXivRaw&from=2015-01-06&set=cs");
        assertThat(report.completed()).isTrue();
        assertThat(report.records().read()).isZero();
        assertThat(state().nextFrom()).isEqualTo(LocalDate.of(2015, 6, 23));
    }

    @Test
    void honours_503_with_retry_after() {
        arxiv.when(ArxivOaiSourceTest::first,
                Reply.status(503, "Retry later", "text/plain").withHeader("Retry-After", "7"), xml("page-3.xml"));

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        assertThat(report.completed()).isTrue();
        assertThat(report.requests()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(report.records().created()).isEqualTo(2);
    }

    @Test
    void gives_up_when_arxiv_stays_unavailable() {
        arxiv.when(ArxivOaiSourceTest::first, Reply.status(503, "Retry later", "text/plain").withHeader("Retry-After", "1"));

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        assertThat(report.completed()).isFalse();
        assertThat(report.failure()).contains("HTTP 503", "after 5 retries");
        assertThat(report.requests()).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BadArgument:badArgument", "BadResumptionToken:badResumptionToken", "BadVerb:badVerb",
            "IdDoesNotExist:idDoesNotExist"})
    void oai_pmh_errors_stop_the_run_with_their_code(String fileAndCode) {
        String[] parts = fileAndCode.split(":");
        arxiv.when(ArxivOaiSourceTest::first, xml("ErrorResponse" + parts[0] + ".xml"));

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        assertThat(report.completed()).isFalse();
        assertThat(report.failure()).startsWith("arXiv OAI-PMH error " + parts[1] + ": ");
        assertThat(state().nextFrom()).isNull();
        assertThat(instance.app().papers().count()).isZero();
    }

    @Test
    void an_error_answered_with_http_400_is_read_as_oai_pmh_or_reported_with_its_status() {
        arxiv.when(ArxivOaiSourceTest::first, Reply.status(400, "<html><body>Bad Request</body></html>", "text/html"));
        assertThat(harvest(LocalDate.of(2014, 10, 1)).failure()).startsWith("arXiv answered").contains("HTTP 400");

        ReplayServer.Reply oaiError = new Reply(400, Map.of("Content-Type", "text/xml"),
                xml("ErrorResponseBadArgument.xml").body(), Duration.ZERO, -1);
        arxiv.when(r -> r.query().contains("from=2014-10-02"), oaiError);
        assertThat(harvest(LocalDate.of(2014, 10, 2)).failure()).startsWith("arXiv OAI-PMH error badArgument: Verb 'ListRecords'");

        arxiv.when(r -> r.query().contains("from=2014-10-03"), Reply.status(400, "Bad Request", "text/plain"));
        assertThat(harvest(LocalDate.of(2014, 10, 3)).failure()).startsWith("HTTP 400 from http://127.0.0.1:").endsWith(": Bad Request");
    }

    @Test
    void a_connection_drop_mid_page_stops_the_run_and_the_next_run_resumes_losing_and_repeating_nothing() {
        arxiv.when(ArxivOaiSourceTest::first, xml("page-1.xml"))
                .when(r -> r.query().contains(TOKEN_1), xml("page-2.xml").droppedAfter(1500), xml("page-2.xml"))
                .when(r -> r.query().contains(TOKEN_2), xml("page-3.xml"));

        HarvestReport first = harvest(LocalDate.of(2014, 10, 1));

        assertThat(first.completed()).isFalse();
        assertThat(first.failure()).contains("726959%7C1001");
        assertThat(first.resumption()).isEqualTo("stopped; the next run resumes at resumption token 726959|1001");
        assertThat(first.records().created()).isEqualTo(2);
        assertThat(state().resumptionToken()).isEqualTo("726959|1001");

        HarvestReport second = harvest(null);

        assertThat(second.completed()).isTrue();
        assertThat(arxiv.requests()).hasSize(4);
        assertThat(arxiv.requests().get(2).query()).isEqualTo("verb=ListRecords&" + TOKEN_1);
        assertThat(second.records().created()).isEqualTo(4);
        assertThat(second.records().unchanged() + second.records().updated()).isZero();
        assertThat(instance.app().papers().count()).isEqualTo(6);
        assertThat(instance.app().search().indexedCount()).isEqualTo(6);
        // The resumed harvest keeps the day the interrupted one began on.
        assertThat(state().nextFrom()).isEqualTo(LocalDate.of(2015, 1, 6));
    }

    @Test
    void a_timeout_stops_the_run_and_keeps_its_position() {
        harvester = harvesterWithTimeout("1");
        arxiv.when(ArxivOaiSourceTest::first, xml("page-1.xml"))
                .when(r -> r.query().contains(TOKEN_1), xml("page-2.xml").delayedBy(Duration.ofSeconds(4)));

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        assertThat(report.completed()).isFalse();
        assertThat(report.failure()).contains("within 1 s (timeout)");
        assertThat(state().resumptionToken()).isEqualTo("726959|1001");
        assertThat(instance.app().papers().count()).isEqualTo(2);
    }

    @Test
    void a_server_that_hands_back_the_same_token_stops_the_run_instead_of_looping() {
        // Page 1 carries TOKEN_1; answering TOKEN_1 with page 1 again would loop forever.
        arxiv.when(ArxivOaiSourceTest::first, xml("page-1.xml"))
                .when(r -> r.query().contains(TOKEN_1), xml("page-1.xml"));

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        assertThat(report.completed()).isFalse();
        assertThat(report.failure()).contains("the same resumption token again");
        assertThat(report.requests()).isEqualTo(2);
        assertThat(instance.app().papers().count()).isEqualTo(2);
    }

    @Test
    void a_stored_token_arxiv_no_longer_knows_restarts_that_harvest_from_its_start() {
        arxiv.when(ArxivOaiSourceTest::first, xml("page-1.xml"))
                .when(r -> r.query().contains(TOKEN_1), Reply.status(500, "oops", "text/plain"),
                        xml("ErrorResponseBadResumptionToken.xml"), xml("page-2.xml"))
                .when(r -> r.query().contains(TOKEN_2), xml("page-3.xml"));
        assertThat(harvest(LocalDate.of(2014, 10, 1)).failure()).startsWith("HTTP 500");

        HarvestReport second = harvest(null);

        assertThat(second.completed()).isTrue();
        assertThat(arxiv.requests()).extracting(Request::query).containsExactly(
                "verb=ListRecords&metadataPrefix=arXivRaw&from=2014-10-01&set=cs", "verb=ListRecords&" + TOKEN_1,
                "verb=ListRecords&" + TOKEN_1,
                "verb=ListRecords&metadataPrefix=arXivRaw&from=2014-10-01&set=cs", "verb=ListRecords&" + TOKEN_1,
                "verb=ListRecords&" + TOKEN_2);
        assertThat(second.records().created()).isEqualTo(4);
        assertThat(second.records().unchanged()).isEqualTo(2);
        assertThat(instance.app().papers().count()).isEqualTo(6);
    }

    @Test
    void a_record_over_the_cap_is_rejected_by_its_identifier_and_the_rest_of_the_page_is_kept() throws Exception {
        String page = java.nio.file.Files.readString(TestInstance.fixture("arxiv-oai/page-3.xml"));
        int first = page.indexOf("<abstract>") + "<abstract>".length();
        arxiv.when(ArxivOaiSourceTest::first, Reply.ok(page.substring(0, first) + "x".repeat(RecordCap.MAX_BYTES)
                + page.substring(first), "text/xml; charset=utf-8"));

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        assertThat(report.completed()).isTrue();
        assertThat(report.records().rejections()).extracting(Rejection::toString).singleElement().asString()
                .startsWith("arXiv record oai:arXiv.org:0704.1114: the record is ").contains("larger than the limit of 1,048,576 bytes");
        assertThat(report.records().created()).isEqualTo(1);
        assertThat(instance.app().papers().count()).isEqualTo(1);
    }

    @Test
    void a_malformed_record_is_reported_with_its_identifier_and_skipped_and_unknown_fields_are_ignored() {
        arxiv.when(ArxivOaiSourceTest::first, xml("malformed-records.xml"));

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        assertThat(report.completed()).isTrue();
        assertThat(report.records().created()).isEqualTo(1);
        assertThat(report.records().rejected()).isEqualTo(3);
        assertThat(report.records().rejections()).extracting(Rejection::toString).containsExactly(
                "arXiv record oai:arXiv.org:0704.1586: <id> is not an arXiv id: \"not-an-id\"",
                "arXiv record oai:arXiv.org:0704.1109: <abstract> is missing or empty",
                "arXiv record oai:arXiv.org:0704.0471: <version version=\"v1\"> has no readable <date>: \"yesterday\"");
        assertThat(paper("0704.1114").paper().title()).isEqualTo("Identification of Absorption Features in an Extrasolar Planet Atmosphere");
        assertThat(instance.app().papers().count()).isEqualTo(1);
    }

    @Test
    void an_xxe_payload_is_refused_and_neither_reads_files_nor_reaches_the_network() throws Exception {
        Path secret = Files.writeString(dataDir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String page = new String(xml("page-1.xml").body(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<!DOCTYPE OAI-PMH [<!ENTITY file SYSTEM \"" + secret.toUri() + "\">"
                        + "<!ENTITY remote SYSTEM \"" + arxiv.url("/evil") + "\">]>\n")
                .replace("<title>Limit distributions", "<title>&file;&remote;Limit distributions");
        arxiv.when(ArxivOaiSourceTest::first, Reply.ok(page, "text/xml"))
                .when(r -> r.query().contains(TOKEN_1), xml("page-2.xml"))
                .when(r -> r.query().contains(TOKEN_2), xml("page-3.xml"));

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        // The entities are never resolved: the page reads as damaged at the first reference; the record before
        // it is kept, the one with the references is reported and skipped, and the harvest goes on along the token.
        assertThat(arxiv.requests()).noneMatch(r -> r.path().equals("/evil"));
        assertThat(report.records().rejections()).singleElement().asString()
                .contains("arXiv page http://127.0.0.1:", "the page is damaged after oai:arXiv.org:0704.0471",
                        "not well-formed XML", "\"file\" was referenced, but not declared");
        assertThat(report.completed()).isTrue();
        assertThat(instance.app().papers().count()).isEqualTo(1 + 4);
        assertThat(instance.app().papers().find(ArxivId.parse("0704.0716").orElseThrow())).isEmpty();
        assertThat(instance.app().search().search(SearchRequest.of("TOP-SECRET-CONTENT", 3))).isEmpty();
    }

    @Test
    void a_record_that_is_not_well_formed_costs_only_itself_and_is_named() {
        String page = new String(xml("page-2.xml").body(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("Higher ramification and varieties", "Higher ramification & varieties"); // a bare '&'
        arxiv.when(ArxivOaiSourceTest::first, Reply.ok(page, "text/xml"))
                .when(r -> r.query().contains(TOKEN_2), xml("page-3.xml"));

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        assertThat(report.completed()).isTrue();
        assertThat(report.records().rejections()).singleElement().asString()
                .contains("skipped as not well-formed: oai:arXiv.org:0704.0874");
        assertThat(instance.app().papers().find(ArxivId.parse("0704.0874").orElseThrow())).isEmpty();
        assertThat(instance.app().papers().find(ArxivId.parse("0704.1109").orElseThrow())).isPresent(); // after the bad one
        assertThat(instance.app().papers().count()).isEqualTo(1 + 2);
    }

    @Test
    void bytes_that_are_not_utf8_in_an_abstract_cost_neither_that_record_nor_the_rest_of_the_page() {
        byte[] page = xml("page-3.xml").body();
        byte[] marker = "Water absorption".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = indexOf(page, marker);
        assertThat(at).isPositive();
        byte[] damaged = page.clone();
        damaged[at + 5] = (byte) 0xC3; // a UTF-8 lead byte followed by an ASCII space: not UTF-8
        arxiv.when(ArxivOaiSourceTest::first, new Reply(200, Map.of("Content-Type", "text/xml"), damaged, Duration.ZERO, -1));

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        assertThat(report.completed()).isTrue();
        assertThat(report.records().rejected()).isZero();
        assertThat(report.records().created()).isEqualTo(2);
        assertThat(instance.app().papers().count()).isEqualTo(2);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void characters_xml_forbids_are_dropped_rather_than_failing_the_page() {
        String page = new String(xml("page-3.xml").body(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("Water absorption is identified", "Water\u000c absorption&#12; is&#x1F; identified");
        arxiv.when(ArxivOaiSourceTest::first, Reply.ok(page, "text/xml"));

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        assertThat(report.completed()).isTrue();
        assertThat(report.records().created()).isEqualTo(2);
        assertThat(paper("0704.1114").paper().summary()).startsWith("Water absorption is identified");
    }

    @Test
    void a_page_cut_short_without_a_transport_error_stops_the_run_at_that_page() {
        String page = new String(xml("page-2.xml").body(), java.nio.charset.StandardCharsets.UTF_8);
        arxiv.when(ArxivOaiSourceTest::first, xml("page-1.xml"))
                .when(r -> r.query().contains(TOKEN_1), Reply.ok(page.substring(0, page.length() / 2), "text/xml"));

        HarvestReport report = harvest(LocalDate.of(2014, 10, 1));

        assertThat(report.completed()).isFalse();
        assertThat(report.failure()).contains("not well-formed XML");
        assertThat(state().resumptionToken()).isEqualTo("726959|1001");
        assertThat(instance.app().papers().count()).isEqualTo(2);
    }

    @Test
    void a_run_with_until_does_not_move_the_incremental_point() {
        servePages();

        harvester.arxiv(LocalDate.of(2014, 10, 1), LocalDate.of(2014, 12, 31), HarvestProgress.NONE);

        assertThat(arxiv.requests().getFirst().query()).contains("from=2014-10-01&until=2014-12-31");
        assertThat(state().nextFrom()).isNull();
        assertThat(state().lastDatestamp()).isEqualTo(LocalDate.of(2014, 12, 22));
    }
}
