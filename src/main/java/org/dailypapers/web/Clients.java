package org.dailypapers.web;

import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * What a request says about where it came from and where this site lives, for the few places that care:
 * links in mail, the per-client rate limit and the local-only development mailbox.
 */
final class Clients {
    /**
     * Headers a reverse proxy or CDN adds: their presence means the TCP peer is the proxy, not the client. One
     * that adds none (nginx's bare proxy_pass) cannot be told from a local client: the README says to configure
     * SMTP, which turns the mailbox off, before an instance is reachable.
     */
    static final List<String> PROXY_HEADERS = List.of("X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
            "X-Forwarded-Port", "X-Forwarded-Server", "X-Real-IP", "Forwarded", "Via", "CF-Connecting-IP", "True-Client-IP",
            "X-Client-IP", "X-Cluster-Client-IP", "Fastly-Client-IP");

    private Clients() {}

    /**
     * Where links in mail sent during this request point: the configured base URL whenever there is one
     * (always with SMTP: {@code AppConfig} requires it), else this request's own address, which is only
     * used with the outbox (mail readable on this machine alone).
     */
    static URI mailBase(Optional<URI> configured, Context ctx) {
        return URI.create(siteBase(configured, ctx));
    }

    /**
     * Where this site lives, for absolute URLs (RSS, the API's Link header, mail), without a trailing slash: the
     * configured base URL, else this request's scheme and Host ({@link AllowedHosts} has refused foreign ones).
     */
    static String siteBase(Optional<URI> configured, Context ctx) {
        return configured.map(URI::toString).orElseGet(() -> ctx.scheme() + "://" + (ctx.host() == null ? "localhost" : ctx.host()));
    }

    /** Whether the request passed through a reverse proxy that announced itself. */
    static boolean viaProxy(Context ctx) {
        return PROXY_HEADERS.stream().anyMatch(h -> ctx.header(h) != null);
    }

    /**
     * Whether the request comes straight from this machine: a loopback peer and no proxy headers (behind a
     * reverse proxy on the same host every client's peer address is loopback).
     */
    static boolean isLocal(Context ctx) {
        try {
            return !viaProxy(ctx) && InetAddress.getByName(ctx.ip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The key of the per-client rate limit: the peer's IPv4 address, or the /64 network of an IPv6 one (one
     * household or server usually holds a whole /64). Behind a reverse proxy this is the proxy's address, so
     * all clients share one allowance (README, "Behind a reverse proxy").
     */
    static String rateKey(Context ctx) {
        return rateKey(ctx.ip());
    }

    static String rateKey(String ip) {
        try {
            InetAddress address = InetAddress.getByName(ip);
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    key.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return key.append(":/64").toString();
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return ip;
        }
    }
}
