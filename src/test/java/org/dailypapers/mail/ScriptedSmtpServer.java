package org.dailypapers.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that answers every RCPT TO with one fixed reply, e.g. {@code 550 5.1.1 no such user} or
 * {@code 451 4.3.0 try again later}: the rejections GreenMail cannot produce, spoken over real SMTP.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final String rcptReply;
    private final Thread thread;

    public ScriptedSmtpServer(String rcptReply) {
        this.rcptReply = rcptReply;
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

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept();
                    var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                reply(out, "220 scripted ESMTP");
                for (String line; (line = in.readLine()) != null; ) {
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                    switch (verb) {
                        case "EHLO", "HELO" -> reply(out, "250 scripted");
                        case "MAIL" -> reply(out, "250 2.1.0 ok");
                        case "RCPT" -> reply(out, rcptReply);
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "250 ok");
                    }
                }
            } catch (IOException e) {
                // the client hung up or the server was closed: accept the next one, or stop
            }
        }
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
