package org.dailypapers.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dailypapers.mail.Outbox;

/**
 * One person's browser without the browser: a cookie jar over real HTTP, forms posted with the CSRF token
 * of the last page that had one, and sign-in by following the link from the outbox.
 */
public final class Visitor {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/signin/verify\\?token=[A-Za-z0-9_%-]+(&next=\\S+)?");

    private final Function<String, String> url;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    /** @param url turns a path into an absolute URL of the instance */
    public Visitor(Function<String, String> url) {
        this.url = url;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    /** A GET with these request headers too (e.g. htmx's HX-Current-URL, a Referer). */
    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.apply(path))).GET();
        headers.forEach(request::header);
        HttpResponse<String> response = send(request);
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** Posts a form with the remembered CSRF token (unless {@code fields} sets {@code _csrf} itself). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        all.putAll(fields);
        all.values().removeIf(v -> v == null);
        return postRaw(path, all, Map.of());
    }

    /** Posts exactly these fields and headers (no token added). */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields, Map<String, String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.apply(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** An htmx request: the CSRF token in the header, as app.js sends it. */
    public HttpResponse<String> htmx(String path, Map<String, String> fields) {
        return postRaw(path, fields, Map.of("HX-Request", "true", "X-CSRF-Token", csrf == null ? "" : csrf));
    }

    public String csrf() {
        return csrf;
    }

    /** Overrides the remembered token (e.g. with the session's, from /account/state). */
    public void csrf(String token) {
        this.csrf = token;
    }

    /** Asks for a sign-in link for {@code email}; returns the response. */
    public HttpResponse<String> requestLink(String email) {
        get("/signin");
        return post("/signin", Map.of("email", email));
    }

    /** The newest sign-in link mailed to {@code email}, read from the instance's outbox. */
    public static String linkFromOutbox(Path dataDir, String email) {
        for (Outbox.Message m : new Outbox(dataDir.resolve("outbox")).newest(1000)) {
            if (m.to().contains(email)) {
                Matcher link = LINK.matcher(m.text());
                if (link.find()) {
                    return link.group();
                }
            }
        }
        throw new AssertionError("no sign-in link for " + email + " in the outbox");
    }

    /** Opens the link (the confirmation page) and confirms it; returns the confirmation's response. */
    public HttpResponse<String> useLink(String link) {
        String path = link.substring(link.indexOf("/signin/verify"));
        HttpResponse<String> page = get(path);
        if (page.statusCode() != 200) {
            return page;
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            form.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return post("/signin/verify", form);
    }

    /** Signs in through the mail: request, read the outbox, open the link, confirm; then learns the session's token. */
    public Visitor signIn(Path dataDir, String email) {
        HttpResponse<String> asked = requestLink(email);
        if (asked.statusCode() != 200) {
            throw new AssertionError("sign-in link refused: " + asked.statusCode() + " " + asked.body());
        }
        HttpResponse<String> done = useLink(linkFromOutbox(dataDir, email));
        if (done.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + done.statusCode() + " " + done.body());
        }
        learnToken();
        return this;
    }

    /** Reads the session's CSRF token from /account/state (what app.js does). */
    public void learnToken() {
        Matcher m = Pattern.compile("\"csrf\":\"([^\"]+)\"").matcher(get("/account/state").body());
        csrf = m.find() ? m.group(1) : null;
    }

    /** The value of a cookie this visitor holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Sets a cookie as if the server had (e.g. a session opened directly, for benchmarks and bulk tests). */
    public void setCookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(url.apply("/")), cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Fields as a map, in order: {@code fields("a", "1", "b", "2")}. */
    public static Map<String, String> fields(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
