package org.dailypapers.web;

import io.javalin.http.Context;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;

/**
 * Refuses a request whose Content-Type names a character set Java cannot decode ({@code charset=x-unknown}) or
 * cannot even name ({@code charset="}, {@code charset=@@@}) with 415, before any handler reads the body. Javalin
 * decodes a form with {@code Charset.forName} of that name when a handler first asks for a field, so such a
 * request used to fail deep inside the CSRF check or a route, as a 500 with a stack trace in the log for every
 * request: a way for anyone to flood the log.
 */
final class RequestCharset {
    /** The most of a refused name that the message repeats. */
    private static final int SHOWN = 40;

    private RequestCharset() {}

    /** A before-handler: passes when the request names no charset or one Java supports. */
    static void check(Context ctx) {
        String name = ctx.characterEncoding();
        if (name == null || supported(name)) {
            return;
        }
        String shown = name.length() > SHOWN ? name.substring(0, SHOWN) + "…" : name;
        throw HttpProblem.of(415, "The request's character set \"" + shown + "\" is not supported: send it as UTF-8.");
    }

    private static boolean supported(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
