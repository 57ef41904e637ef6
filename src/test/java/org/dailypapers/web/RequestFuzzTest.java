package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.dailypapers.TestInstance;
import org.dailypapers.search.ParsedQuery;
import org.dailypapers.search.UserQueryParser;
import org.dailypapers.testing.RawHttp;

/**
 * Property-based fuzzing (jqwik) of the query parser, the search request and every URL parameter, over real HTTP
 * against a real instance (SQLite, Lucene, the ONNX model): random Unicode, Lucene syntax, long and malformed input.
 * The property: a 2xx (or a redirect to this site), or a 4xx with a JSON or HTML error; never a 5xx, never a stack
 * trace or a Java class name, never slower than {@link #MAX_MILLIS} ms.
 *
 * <p>Bounded: {@code jqwik.tries.default} in {@code junit-platform.properties} (60 tries a property, ~15 s). A longer
 * run: {@code mvn test -Dtest=RequestFuzzTest -Djqwik.tries.default=2000}. A failing sample is shrunk to a minimal one
 * and tried first on the next run (target/jqwik-database).
 */
class RequestFuzzTest {
    /** Generous for a loaded 2-core CI machine: a search here takes tens of ms; a hang or a pathological query much more. */
    static final long MAX_MILLIS = Long.getLong("dailypapers.fuzz.max-millis", 5_000);

    static Path dataDir;
    static TestInstance instance;

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("fuzz");
        instance = TestInstance.withFixtures(dataDir, "hf", "bad/2026-08-24.json").start();
        instance.get("/search?q=warm+up"); // loads the embedding model, so the first sample is not timed with it
    }

    @AfterContainer
    static void stop() throws IOException {
        instance.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Routes with a parameter, as a template: {@code %s} is where the fuzzed (percent-encoded) value goes. */
    static final List<String> ROUTES = List.of(
            "/search?q=%s", "/search?q=agents&from=%s", "/search?q=agents&to=%s", "/search?q=agents&org=%s",
            "/search?q=agents&cat=%s", "/search?q=agents&code=%s", "/search?q=agents&p=%s", "/search?q=%s&p=2",
            "/api/papers/search?q=%s", "/api/papers/search?q=agents&limit=%s",
            "/api/daily_papers?date=%s", "/api/daily_papers?week=%s", "/api/daily_papers?month=%s",
            "/api/daily_papers?p=%s", "/api/daily_papers?limit=%s", "/api/daily_papers?sort=%s", "/api/daily_papers?%s=1",
            "/api/papers/%s", "/papers/%s", "/papers/date/%s", "/papers/week/%s", "/papers/month/%s", "/papers/date/%s/rss",
            "/organizations/%s", "/users/%s", "/signin?next=%s", "/signin/verify?token=%s",
            "/digest/confirm?token=%s", "/digest/manage?token=%s", "/digest/unsubscribe?token=%s", "/papers/trending?%s=1");

    @Provide
    Arbitrary<String> routes() {
        return Arbitraries.of(ROUTES);
    }

    static final List<String> LUCENE = List.of("\"", "(", ")", "*", "?", "~", "~2", "^", "^10", ":", "\\", "AND", "OR", "NOT",
            "-", "+", "[", "]", "{", "}", "TO", "&&", "||", "!", "/", "/.*/", "author:", "org:", "cat:", "title:", "category:",
            "\"unclosed", "a*b?c", "*:*", "field:", ":::", "\u0000", "é", "𝛼", "2406.09414", "2406.09414v2", "math/0211159",
            "https://arxiv.org/abs/2406.09414", "huggingface.co/papers/2406.09414", "<script>", "'", "%", "..", "../..",
            "2026-08-21", "2026-W34", "2026-08", "9999-99-99", "-1", "0", "2147483648", "1e9", "NaN");

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> lucene = Arbitraries.of(LUCENE).list().ofMaxSize(25).map(parts -> String.join(" ", parts));
        Arbitrary<String> glued = Arbitraries.of(LUCENE).list().ofMaxSize(40).map(parts -> String.join("", parts));
        Arbitrary<String> long_ = Arbitraries.strings().withChars("ab*:\"( )-~").ofMinLength(1_000).ofMaxLength(6_000);
        Arbitrary<String> numbers = Arbitraries.longs().map(String::valueOf);
        return Arbitraries.oneOf(unicode, lucene, glued, long_, numbers);
    }

    @Property
    void every_url_parameter_answers_2xx_or_a_clear_4xx_never_a_5xx(@ForAll("routes") String route, @ForAll("values") String value)
            throws Exception {
        String path = route.formatted(URLEncoder.encode(value, StandardCharsets.UTF_8));
        check(path);
    }

    /** Percent-junk, raw: sequences that decode to nothing, to half a character, or to a NUL. */
    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.of("%", "%%", "%zz", "%E2%82", "%00", "%FF%FE", "%C0%AF", "%ED%A0%80", "+", "%2F..%2F", "%5C")
                .list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts));
    }

    @Property
    void raw_percent_junk_in_any_parameter_is_a_4xx_or_handled(@ForAll("routes") String route, @ForAll("junk") String junk)
            throws Exception {
        check(route.formatted(junk));
    }

    @Property
    void the_query_parser_never_fails_and_bounds_what_it_keeps(@ForAll("values") String input) {
        ParsedQuery parsed = new UserQueryParser().parse(input);
        int clauses = parsed.phrases().size() + parsed.excluded().size() + parsed.authors().size() + parsed.titles().size()
                + parsed.organizations().size() + parsed.categories().size();
        assertThat(clauses).isLessThanOrEqualTo(32);
        assertThat(parsed.text().length()).isLessThanOrEqualTo(1_000);
    }

    static void check(String path) throws Exception {
        RawHttp.Response r = RawHttp.send(URI.create(instance.url("")), "GET", path, Map.of(), null);
        int status = r.status();
        assertThat(status).as(path).isBetween(200, 499);
        if (status >= 300 && status < 400) {
            assertThat(r.header("location")).as(path).startsWith("/");
        }
        if (status >= 400) {
            assertThat(r.header("content-type")).as(path).containsAnyOf("application/json", "text/html");
        }
        assertThat(r.body()).as(path).doesNotContain("Exception", "\tat org.", "java.lang.", "org.dailypapers.");
        assertThat(r.millis()).as(path + " took " + r.millis() + " ms").isLessThanOrEqualTo(MAX_MILLIS);
    }
}
