package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-request corpus ({@code src/test/resources/hostile/requests.tsv}, kept as data so that a new route adds
 * its cases there) over real HTTP: each request gets the expected status class, never a 5xx, never a stack trace or a
 * Java class name, and never reflects the request's markup.
 */
class HostileRequestsTest {
    static final List<String> REFLECTED = List.of("<svg/onload", "<script>alert(7)", "\"><script>");
    static final List<String> LEAKS = List.of("Exception", "\tat org.", "\tat java.", "java.lang.", "org.dailypapers.", "io.javalin.");

    @TempDir
    static Path dataDir;

    static TestInstance instance;

    @BeforeAll
    static void start() {
        instance = TestInstance.withFixtures(dataDir, "hf").start();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    /** One line of the corpus. */
    record Case(int line, String method, String target, Map<String, String> headers, String body, List<String> expected) {
        @Override
        public String toString() {
            return "requests.tsv:" + line + " " + method + " " + (target.length() > 120 ? target.substring(0, 120) + "…" : target);
        }
    }

    static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = HostileRequestsTest.class.getResourceAsStream("/hostile/requests.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                if (f.length != 5) {
                    throw new IllegalStateException("requests.tsv:" + (i + 1) + ": expected 5 tab-separated columns, got " + f.length);
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (String h : f[2].isEmpty() ? new String[0] : f[2].split(" \\| ")) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
                }
                cases.add(new Case(i + 1, f[0], f[1], headers, f[3], List.of(f[4].split("\\|"))));
            }
        }
        return cases;
    }

    @Test
    void every_hostile_request_gets_its_expected_status_class_no_5xx_no_stack_trace_no_reflected_markup() throws IOException {
        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThan(100);
        List<String> failures = new ArrayList<>();
        URI base = URI.create(instance.url(""));
        for (Case c : cases) {
            byte[] body = c.body().isEmpty() && !c.method().equals("POST") ? null : c.body().getBytes(StandardCharsets.UTF_8);
            RawHttp.Response r = RawHttp.send(base, c.method(), c.target(), c.headers(), body);
            String status = r.status() / 100 + "xx";
            if (r.status() == 0 || !c.expected().contains(status)) {
                failures.add(c + ": expected " + String.join("|", c.expected()) + ", got " + r.status() + " " + shorten(r.body()));
            }
            for (String leak : LEAKS) {
                if (r.body().contains(leak)) {
                    failures.add(c + ": the answer shows '" + leak + "': " + shorten(r.body()));
                }
            }
            for (String marker : REFLECTED) {
                if (r.body().contains(marker) || r.headers().values().stream().anyMatch(v -> v.contains(marker))) {
                    failures.add(c + ": the answer reflects " + marker);
                }
            }
        }
        assertThat(failures).as("%d requests tried", cases.size()).isEmpty();
    }

    private static String shorten(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
