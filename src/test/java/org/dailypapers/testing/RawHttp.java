package org.dailypapers.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 requests written byte for byte on a socket, for what {@link java.net.http.HttpClient} refuses to send:
 * malformed percent-encoding, odd methods, hostile headers. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {
    /** A response: status (0 when the server closed without one), headers by lower-case name, body as UTF-8. */
    public record Response(int status, Map<String, String> headers, String body, long millis) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private RawHttp() {}

    /**
     * Sends {@code method target} to {@code base} (scheme, host and port) with {@code headers} (each "Name: value";
     * Host and Connection are added unless given) and {@code body} (Content-Length added when not null).
     */
    public static Response send(URI base, String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Host"))) {
                head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            }
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Connection: close\r\n");
            if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Length"))) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            byte[] raw = readAll(socket.getInputStream());
            return parse(raw, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // a server may reset after answering a request it refused; what arrived is the answer
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw, long millis) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Response(0, Map.of(), text, millis);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
        }
        String body = text.substring(end + 4);
        if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            body = unchunk(body);
        }
        return new Response(status, headers, body, millis);
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int lineEnd = body.indexOf("\r\n", i);
            if (lineEnd < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(body.substring(i, lineEnd).split(";")[0].strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            // sizes count bytes; the body is few-byte Unicode at worst, so cut by bytes
            byte[] rest = body.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            int take = Math.min(size, rest.length);
            String chunk = new String(rest, 0, take, StandardCharsets.UTF_8);
            out.append(chunk);
            i = lineEnd + 2 + chunk.length() + 2;
        }
        return out.toString();
    }
}
