package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dailypapers.TestInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send a POST's headers and then its body a byte at a time must not take the server's threads:
 * while 300 of them (more than Jetty's 250 threads) hold their connections open, {@code /health} and the home
 * page still answer. Real sockets on loopback; timings are generous, since CI machines are loaded.
 */
class SlowBodyTest {
    static final int SLOW_CLIENTS = 300;
    /** Within the 64 KB request limit, so the body is waited for (a larger one is refused at once). */
    static final int DECLARED_LENGTH = 60_000;

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

    @Test
    @Timeout(60)
    void slow_request_bodies_leave_health_and_pages_answering() throws Exception {
        int port = URI.create(instance.url("/")).getPort();
        List<Socket> slow = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                String path = i % 2 == 0 ? "/digest/subscribe" : "/papers/2608.19880/upvote";
                slow.add(startSlowPost(port, path, DECLARED_LENGTH));
            }
            List<Long> millis = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                for (Socket s : slow) {
                    trickle(s);
                }
                for (String path : List.of("/health", "/")) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.url(path)))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    millis.add((System.nanoTime() - t0) / 1_000_000);
                    assertThat(response.statusCode()).as(path).isEqualTo(200);
                }
                Thread.sleep(500);
            }
            assertThat(millis).hasSize(12);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void a_slow_body_is_cut_off_with_408() throws Exception {
        int port = URI.create(instance.url("/")).getPort();
        try (Socket s = startSlowPost(port, "/digest/subscribe", 1_000)) {
            s.setSoTimeout(20_000);
            for (int i = 0; i < 5 && !answered(s); i++) {
                Thread.sleep(1_000);
                trickle(s);
            }
            assertThat(statusLine(s)).contains(" 408 ");
        }
    }

    @Test
    void a_body_declared_beyond_what_the_server_reads_is_refused_at_once() throws Exception {
        int port = URI.create(instance.url("/")).getPort();
        try (Socket s = startSlowPost(port, "/digest/subscribe", (int) WholeBodies.DRAIN_LIMIT_BYTES + 1)) {
            s.setSoTimeout(10_000);
            assertThat(statusLine(s)).contains(" 413 ");
        }
    }

    /**
     * A body over the limit sent whole (a long paste, an upload): the server reads it to its end before the 413,
     * so the client reads the answer instead of a connection closed while it was still sending. Without the
     * reading, one of these 400 requests or so failed with "header parser received no bytes" (broken pipe).
     */
    @Test
    void an_oversized_body_sent_whole_gets_the_413_page_every_time() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String body = "email=" + "x".repeat(1_000_000); // within DRAIN_LIMIT_BYTES, and still being sent at the 413
        for (int i = 0; i < 400; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(instance.url("/digest/subscribe")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("too large");
        }
    }

    /** Connects and sends a form POST's headers plus the first byte of a body of {@code length} bytes. */
    private static Socket startSlowPost(int port, String path, int length) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setTcpNoDelay(true);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + length + "\r\n\r\ne";
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    /** One more body byte; a connection the server has already closed is fine. */
    private static void trickle(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write('m');
            out.flush();
        } catch (IOException closedByServer) {
            // the server gave up on this client: that is what a defence may do
        }
    }

    private static boolean answered(Socket s) throws IOException {
        return s.getInputStream().available() > 0;
    }

    private static String statusLine(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
