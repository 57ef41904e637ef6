package org.dailypapers;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.dailypapers.account.Accounts;
import org.dailypapers.ingest.ImportSummary;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.testing.Visitor;

/**
 * A real Daily Papers instance for tests: SQLite in a temporary directory, the fixture papers imported,
 * and (once {@link #start()} is called) the web app on a free port. Close it after use.
 */
public final class TestInstance implements AutoCloseable {
    private final App app;
    private Javalin web;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestInstance(App app) {
        this.app = app;
    }

    /** An instance without the demo dataset, with {@code fixtures} (resource folders or files) imported. */
    public static TestInstance withFixtures(Path dataDir, String... fixtures) {
        return withEnv(dataDir, Map.of(), fixtures);
    }

    /** As {@link #withFixtures}, configured by {@code env} (DAILYPAPERS_* variables) on top of no demo data. */
    public static TestInstance withEnv(Path dataDir, Map<String, String> env, String... fixtures) {
        return withClock(dataDir, env, Clock.systemUTC(), fixtures);
    }

    /** As {@link #withEnv}, on {@code clock} (e.g. a day when a recorded arXiv paper was new). */
    public static TestInstance withClock(Path dataDir, Map<String, String> env, Clock clock, String... fixtures) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putIfAbsent("DAILYPAPERS_DEMO", "false");
        all.putIfAbsent("DAILYPAPERS_HARVEST_ENABLED", "false"); // tests never reach arXiv or Hugging Face
        AppConfig config = AppConfig.resolve(all, dataDir, 0);
        TestInstance instance = new TestInstance(App.open(config, clock));
        if (fixtures.length > 0) {
            instance.importFixtures(fixtures);
        }
        return instance;
    }

    public ImportSummary importFixtures(String... fixtures) {
        List<Path> paths = java.util.Arrays.stream(fixtures).map(TestInstance::fixture).toList();
        return app.importer().importPaths(paths, org.dailypapers.ingest.ImportProgress.NONE);
    }

    public static Path fixture(String name) {
        URL url = TestInstance.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the scheduled harvests (DAILYPAPERS_HARVEST_ENABLED=true in the env) with a missed run due at once. */
    public boolean startHarvestingNow() {
        return app.startHarvestSchedule(java.time.Duration.ZERO);
    }

    public TestInstance start() {
        web = app.web().start("127.0.0.1", 0);
        return this;
    }

    public App app() {
        return app;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    /**
     * A visitor signed in as {@code email} through a session opened directly, with that session's CSRF token
     * (the sign-in flow itself is what SignInTest covers). Creates the account when it is new.
     */
    public Visitor signedIn(String email) {
        Accounts.NewSession session = app.accounts().openSession(EmailAddress.parse(email));
        Visitor visitor = new Visitor(this::url);
        visitor.setCookie("dp_session", session.cookie());
        visitor.csrf(session.session().csrfToken());
        return visitor;
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (web != null) {
            web.stop();
        }
        app.close();
    }
}
