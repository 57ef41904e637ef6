package org.dailypapers.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An SMTP server with scripted replies to MAIL FROM, each RCPT TO (by address) and the end of DATA, e.g.
 * {@code 550 5.1.1 no such user} at RCPT, {@code 553 5.7.1 sender not allowed} at MAIL FROM or
 * {@code 554 5.7.1 spam} after DATA: the rejections GreenMail cannot produce, spoken over real SMTP.
 * Counts the messages it accepted. Serves one connection at a time.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    public static final String OK = "250 2.0.0 ok";

    private final ServerSocket socket;
    private final String mailReply;
    private final Function<String, String> rcptReply;
    private final String dataReply;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread thread;

    /** Answers every RCPT TO with {@code rcptReply}; everything else is accepted. */
    public ScriptedSmtpServer(String rcptReply) {
        this(OK, to -> rcptReply, OK);
    }

    /**
     * @param mailReply the reply to MAIL FROM
     * @param rcptReply the reply to RCPT TO, given the address (lower-cased, without angle brackets)
     * @param dataReply the reply after the message's final "."
     */
    public ScriptedSmtpServer(String mailReply, Function<String, String> rcptReply, String dataReply) {
        this.mailReply = mailReply;
        this.rcptReply = rcptReply;
        this.dataReply = dataReply;
        try {
            this.socket = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = Thread.ofVirtual().start(this::serve);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Messages whose DATA got a 2xx reply. */
    public int accepted() {
        return accepted.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept();
                    var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                converse(in, out);
            } catch (IOException e) {
                // the client hung up or the server was closed: accept the next one, or stop
            }
        }
    }

    private void converse(BufferedReader in, PrintWriter out) throws IOException {
        reply(out, "220 scripted ESMTP");
        for (String line; (line = in.readLine()) != null; ) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
            switch (verb) {
                case "EHLO", "HELO" -> reply(out, "250 scripted");
                case "MAIL" -> reply(out, mailReply);
                case "RCPT" -> reply(out, rcptReply.apply(address(line)));
                case "DATA" -> {
                    reply(out, "354 go ahead");
                    for (String body; (body = in.readLine()) != null && !body.equals("."); ) {
                        // the message: not kept
                    }
                    if (dataReply.startsWith("2")) {
                        accepted.incrementAndGet(); // before the reply, so that a client that saw 250 sees the count
                    }
                    reply(out, dataReply);
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 ok");
            }
        }
    }

    private static String address(String rcptLine) {
        int open = rcptLine.indexOf('<');
        int close = rcptLine.indexOf('>', open + 1);
        return open < 0 || close < 0 ? "" : rcptLine.substring(open + 1, close).toLowerCase(Locale.ROOT);
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
