package org.dailypapers.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which Host headers the server answers. Without a configured base URL, absolute URLs (RSS links and guids, the
 * API's {@code Link: rel="next"}, links in outbox mail) are built from the request's Host header, so a request
 * with {@code Host: evil.example} would get, and a shared cache would keep, links to another site. So without a
 * base URL only the hosts this server was started for are answered: {@code localhost}, loopback addresses, this
 * machine's name and the addresses of its network interfaces, and {@code DAILYPAPERS_ALLOWED_HOSTS}; others get
 * 400. With a base URL every absolute URL is built from it, and any Host is answered. Thread-safe.
 */
final class AllowedHosts {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean any;
    private final Set<String> hosts;

    private AllowedHosts(boolean any, Set<String> hosts) {
        this.any = any;
        this.hosts = Set.copyOf(hosts);
    }

    /** @param extra host names or address literals (IPv6 in brackets), from DAILYPAPERS_ALLOWED_HOSTS */
    static AllowedHosts of(Optional<URI> baseUrl, Collection<String> extra) {
        if (baseUrl.isPresent()) {
            return new AllowedHosts(true, Set.of());
        }
        Set<String> hosts = new HashSet<>();
        for (String host : extra) {
            String h = hostOnly(host);
            hosts.add(literal(h).map(AllowedHosts::text).orElse(h));
        }
        hosts.add("localhost");
        ownNames(hosts);
        return new AllowedHosts(false, hosts);
    }

    /** A before-handler: refuses a request whose Host is not one of this server's. */
    void check(Context ctx) {
        String host = ctx.host();
        if (any || host == null || allows(host)) {
            return;
        }
        throw HttpProblem.badRequest("This server does not answer to the host \"" + PaperRoutes.shorten(host)
                + "\". Its operator can set DAILYPAPERS_BASE_URL to its public address, or add the host to"
                + " DAILYPAPERS_ALLOWED_HOSTS.");
    }

    /** Whether a Host header value ({@code name[:port]}, {@code [v6][:port]}) names this server. */
    boolean allows(String hostHeader) {
        if (any) {
            return true;
        }
        String host = hostOnly(hostHeader);
        Optional<InetAddress> literal = literal(host);
        return literal.isPresent() ? literal.get().isLoopbackAddress() || hosts.contains(text(literal.get()))
                : hosts.contains(host);
    }

    private static String hostOnly(String hostHeader) {
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > h.lastIndexOf(']')) {
            h = h.substring(0, colon);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The address an IPv4 or bracketed IPv6 literal names; never a name lookup (that would cost per request). */
    private static Optional<InetAddress> literal(String host) {
        boolean v6 = host.startsWith("[") && host.endsWith("]");
        if (!v6 && !IPV4.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** One spelling per address: Java's, IPv6 in brackets, without a zone. */
    private static String text(InetAddress address) {
        String literal = address.getHostAddress();
        int zone = literal.indexOf('%');
        literal = zone >= 0 ? literal.substring(0, zone) : literal;
        return literal.contains(":") ? "[" + literal + "]" : literal;
    }

    /** This machine's name (and its first label) and the addresses of its interfaces, once at start. */
    private static void ownNames(Set<String> hosts) {
        try {
            String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            hosts.add(name);
            hosts.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
        } catch (UnknownHostException e) {
            // a machine without a resolvable name: its addresses and DAILYPAPERS_ALLOWED_HOSTS still work
        }
        try {
            for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                    hosts.add(text(address));
                }
            }
        } catch (SocketException e) {
            // no interface list: localhost, loopback and DAILYPAPERS_ALLOWED_HOSTS still work
        }
    }
}
