package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.ReplayServer;
import org.dailypapers.testing.ReplayServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harvest arxiv|hf} end to end: flags, summary line, exit codes; the sources replayed locally. */
class HarvestCommandTest {
    @TempDir
    Path dataDir;

    ReplayServer remote;

    @BeforeEach
    void start() {
        remote = ReplayServer.start();
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    static Reply fixture(String name, String type) {
        return Reply.file(TestInstance.fixture(name), type);
    }

    private MainTest.Run arxiv(String... more) {
        String[] base = {"harvest", "arxiv", "--data", dataDir.toString(), "--base-url", remote.url("/oai2").toString(), "--delay", "0"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return MainTest.run(all);
    }

    @Test
    void harvest_arxiv_summarises_and_after_a_drop_the_next_run_resumes() {
        remote.when(r -> r.query().contains("from=2014-10-01"), fixture("arxiv-oai/page-1.xml", "text/xml"))
                .when(r -> r.query().contains("726959%7C1001"), fixture("arxiv-oai/page-2.xml", "text/xml").droppedAfter(900),
                        fixture("arxiv-oai/page-2.xml", "text/xml"))
                .when(r -> r.query().contains("726959%7C1003"), fixture("arxiv-oai/page-3.xml", "text/xml"));

        MainTest.Run first = arxiv("--from", "2014-10-01");

        assertThat(first.exitCode()).isEqualTo(2);
        assertThat(first.out()).contains("Harvested arxiv-oai:cs: 2 requests, records read 2, new 2, updated 0, unchanged 0, "
                + "rejected 0; stopped; the next run resumes at resumption token 726959|1001");
        assertThat(first.err()).contains("error: the request to http://127.0.0.1:");

        MainTest.Run second = arxiv();

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("Harvested arxiv-oai:cs: 2 requests, records read 4, new 4, updated 0, unchanged 0, "
                + "rejected 0; complete; the next run starts at 2015-01-06");
    }

    @Test
    void a_run_with_until_says_where_the_next_run_starts_never_null() {
        remote.when(r -> true, fixture("arxiv-oai/page-3.xml", "text/xml"));

        MainTest.Run first = arxiv("--from", "2014-10-01", "--until", "2014-12-31");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).doesNotContain("null").contains("complete through 2014-12-31; no run without --until has "
                + "completed yet, so the next run starts 7 days before the day it runs");

        assertThat(arxiv("--from", "2014-10-01").exitCode()).isZero();
        MainTest.Run later = arxiv("--from", "2014-10-01", "--until", "2014-12-31");
        assertThat(later.out()).doesNotContain("null")
                .containsPattern("complete through 2014-12-31; a run with --until leaves the incremental start alone: "
                        + "the next run starts at \\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void rejected_records_make_exit_code_1_and_are_listed() {
        remote.when(r -> true, fixture("arxiv-oai/malformed-records.xml", "text/xml"));

        MainTest.Run run = arxiv("--from", "2014-10-01", "--set", "physics:nucl-th");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(remote.requests().getFirst().query()).endsWith("&set=physics%3Anucl-th");
        assertThat(run.err()).contains("rejected arXiv record oai:arXiv.org:0704.1586: <id> is not an arXiv id");
        assertThat(run.out()).contains("Harvested arxiv-oai:physics:nucl-th: 1 requests, records read 4, new 1");
    }

    @Test
    void harvest_hf_pulls_each_day() {
        remote.when(r -> r.query().contains("date=2026-08-20"), fixture("hf/2026-08-20.json", "application/json"))
                .when(r -> r.query().contains("date=2026-08-21"), fixture("hf/2026-08-21.json", "application/json"));

        MainTest.Run run = MainTest.run("harvest", "hf", "--data", dataDir.toString(), "--base-url", remote.url("").toString(),
                "--from", "2026-08-20", "--until", "2026-08-21");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Harvested hf: 2 requests, records read 32, new 32, updated 0, unchanged 0, rejected 0; "
                + "complete through 2026-08-21");
    }

    @Test
    void bad_flags_are_usage_errors_naming_the_flag() {
        assertThat(arxiv("--set", "cs; DROP TABLE").err()).contains("--set: 'cs; DROP TABLE' is not an arXiv set");
        assertThat(arxiv("--from", "2026-02-30").err()).contains("--from");
        MainTest.Run backwards = arxiv("--from", "2026-02-03", "--until", "2026-02-01");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("--from 2026-02-03 is after --until 2026-02-01");
        assertThat(MainTest.run("harvest", "hf", "--data", dataDir.toString(), "--base-url", "file:///etc").err())
                .contains("--base-url: 'file:///etc' is not an http(s)");
        assertThat(remote.requests()).isEmpty();
    }

    @Test
    void a_harvest_into_a_data_directory_a_server_holds_is_refused() {
        try (TestInstance running = TestInstance.withFixtures(dataDir)) {
            MainTest.Run run = arxiv("--from", "2014-10-01");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("is in use by another process (a running serve?)");
            assertThat(remote.requests()).isEmpty();
        }
    }

    @Test
    void help_names_the_flags() {
        assertThat(MainTest.run("--help").out()).contains("harvest");
        assertThat(MainTest.run("harvest", "arxiv", "--help").out()).contains("--set", "--from", "--until", "--base-url", "--delay", "--data");
        assertThat(MainTest.run("harvest", "hf", "--help").out()).contains("--from", "--until", "--base-url", "--data");
    }
}
