package org.dailypapers.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ChangeBus} over PostgreSQL's LISTEN/NOTIFY. Notices are sent from a single background thread (in
 * order, never delaying the request that made the change) through the pool; one dedicated connection listens.
 * When that connection breaks, it reconnects and delivers {@link ChangeBus.Kind#EVERYTHING} once, since
 * notices sent in between are lost.
 *
 * <p>A notice is {@code "<node> <KIND> <id,id,...>"}; PostgreSQL caps a payload at 8,000 bytes, so a long list
 * of ids is split over several notices.
 */
final class PostgresChangeBus implements ChangeBus {
    private static final Logger log = LoggerFactory.getLogger(PostgresChangeBus.class);
    static final String CHANNEL = "dailypapers_changes";
    private static final int MAX_IDS_CHARS = 7_000;

    private final Database database;
    private final Consumer<Change> receiver;
    private final String node = HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()));
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> daemon(r, "change-bus-send"));
    private final Thread listener;
    private volatile boolean closed;
    private volatile Connection listening;

    private PostgresChangeBus(Database database, Consumer<Change> receiver) {
        this.database = database;
        this.receiver = receiver;
        this.listener = daemon(this::listen, "change-bus-listen");
    }

    static PostgresChangeBus start(Database database, Consumer<Change> receiver) {
        PostgresChangeBus bus = new PostgresChangeBus(database, receiver);
        bus.listener.start();
        return bus;
    }

    @Override
    public void publish(Change change) {
        if (closed) {
            return;
        }
        for (String payload : payloads(node, change)) {
            sender.execute(() -> {
                try {
                    database.jdbi().useHandle(h -> h.createQuery("SELECT pg_notify(:channel, :payload)")
                            .bind("channel", CHANNEL).bind("payload", payload).mapTo(String.class).one());
                } catch (RuntimeException e) {
                    log.warn("Could not tell the other nodes about a change ({}): their cached pages catch up when they expire", e.toString());
                }
            });
        }
    }

    /** The notices for {@code change}: one, or several when its ids would not fit in one. */
    static List<String> payloads(String node, Change change) {
        String head = node + " " + change.kind().name() + " ";
        if (change.ids().isEmpty()) {
            return List.of(head);
        }
        List<String> payloads = new ArrayList<>();
        StringBuilder ids = new StringBuilder();
        for (String id : change.ids()) {
            if (ids.length() + id.length() + 1 > MAX_IDS_CHARS) {
                payloads.add(head + ids);
                ids.setLength(0);
            }
            ids.append(ids.isEmpty() ? "" : ",").append(id);
        }
        payloads.add(head + ids);
        return payloads;
    }

    /** The change a notice carries, or null when this node sent it (or it is not ours). */
    static Change parse(String self, String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length < 2 || parts[0].equals(self)) {
            return null;
        }
        Kind kind;
        try {
            kind = Kind.valueOf(parts[1]);
        } catch (IllegalArgumentException e) {
            return null; // a newer node's kind: this one cannot act on it
        }
        List<String> ids = parts.length < 3 || parts[2].isEmpty() ? List.of() : Arrays.asList(parts[2].split(","));
        return new Change(kind, ids);
    }

    private void listen() {
        boolean lostSome = false;
        while (!closed) {
            try (Connection connection = connect()) {
                listening = connection;
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (lostSome) {
                    deliver(new Change(Kind.EVERYTHING, List.of()));
                    log.info("Listening for other nodes' changes again");
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notices = pg.getNotifications(500);
                    if (notices != null) {
                        for (PGNotification notice : notices) {
                            Change change = parse(node, notice.getParameter());
                            if (change != null) {
                                deliver(change);
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                lostSome = true;
                log.warn("Lost the connection that listens for other nodes' changes ({}): reconnecting in 1 s", e.toString());
                sleepQuietly(1_000);
            }
        }
    }

    private void deliver(Change change) {
        try {
            receiver.accept(change);
        } catch (RuntimeException e) {
            log.error("Acting on another node's change {} failed", change.kind(), e);
        }
    }

    private Connection connect() throws SQLException {
        DatabaseConfig config = database.config();
        java.util.Properties properties = new java.util.Properties();
        if (config.user() != null) {
            properties.setProperty("user", config.user());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password());
        }
        return DriverManager.getConnection(config.url(), properties);
    }

    @Override
    public void close() {
        closed = true;
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c = listening;
        if (c != null) {
            try {
                c.close(); // ends getNotifications at once
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            listener.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] longBytes(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }
}
