package org.dailypapers.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dailypapers.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: runs the web application until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web app and JSON API.",
                "On an empty data directory the bundled demo dataset is loaded first (set DAILYPAPERS_DEMO=false to skip)."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: $DAILYPAPERS_PORT or 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--exit-when-ready", hidden = true,
            description = "Start, request a few pages, stop: the launcher's class-data-sharing training run.")
    boolean exitWhenReady;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        App app = data.open(port);
        long opened = System.nanoTime();
        // The port opens first: until the demo is loaded, pages say how far it has got (App#startup).
        Javalin web = app.web().start(app.config().port());
        long portOpen = System.nanoTime();
        app.loadDemoIfEmpty();
        long loaded = System.nanoTime();
        CountDownLatch stopped = new CountDownLatch(1);
        if (!exitWhenReady) {
            Runnable stop = once(() -> {
                ServerAddressFile.delete(app.config().dataDir());
                web.stop();
                app.close();
                stopped.countDown();
            });
            stopOnSignals(stop); // before the search worker starts loading the model
            // anything else that ends the JVM (System.exit elsewhere, another signal) still closes cleanly
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "shutdown"));
            app.search().startBackground();
            app.startSearchOutbox();
            app.startDigestSchedule();
            app.startHarvestSchedule();
        }
        org.slf4j.LoggerFactory.getLogger(ServeCommand.class).info(
                "start-up: database {} ms, web (port open) {} ms, demo data {} ms (ready)",
                (opened - started) / 1_000_000, (portOpen - opened) / 1_000_000, (loaded - portOpen) / 1_000_000);
        if (exitWhenReady) {
            exercise(web.port());
            web.stop();
            app.close();
            return 0;
        }
        ServerAddressFile.write(app.config().dataDir(), java.net.URI.create("http://localhost:" + web.port()));
        System.out.printf("Daily Papers is serving %d papers at http://localhost:%d/ (started in %.1f s; Ctrl+C stops)%n",
                app.papers().count(), web.port(), (System.nanoTime() - started) / 1e9);
        System.out.println(mailLine(app, web.port()));
        stopped.await();
        return 0;
    }

    /** Where mail goes, so the person who started the demo knows where to find a sign-in link. */
    static String mailLine(App app, int port) {
        return app.config().mail().smtp().map(smtp -> "Mail is sent through the SMTP server " + smtp.host() + ":" + smtp.port())
                .orElseGet(() -> "Mail is not sent (no DAILYPAPERS_SMTP_HOST): it is written to " + app.outbox().directory()
                        + " and shown at http://localhost:" + port + "/dev/mailbox");
    }

    /**
     * Stops on SIGTERM and SIGINT (Ctrl+C) before the JVM starts shutting down, then lets {@link #call} return.
     * ONNX Runtime frees its native environment in a shutdown hook of its own, and shutdown hooks run all at
     * once: a model still loading or encoding on the search worker then crashed the JVM (SIGSEGV, an hs_err
     * file). Here the server and the search worker are stopped first (the worker finishes its step: a model
     * load takes seconds), and only then does the JVM exit, with status 0. A second signal while stopping is
     * ignored (SIGKILL still ends it).
     */
    @SuppressWarnings("sunapi") // sun.misc.Signal (module jdk.unsupported) is the only way to handle a signal
    private static void stopOnSignals(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> new Thread(stop, "stop-on-SIG" + name).start());
            } catch (IllegalArgumentException unavailable) {
                // the JVM reserves it (-Xrs) or the platform lacks it: the shutdown hook stops the server then
            }
        }
    }

    /** {@code action} the first time it is run; later runs wait until it has finished. */
    private static Runnable once(Runnable action) {
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        return () -> {
            if (started.compareAndSet(false, true)) {
                try {
                    action.run();
                } finally {
                    done.countDown();
                }
            } else {
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** Requests the main screens once, so that a training run loads the classes serving them needs. */
    private static void exercise(int port) throws java.io.IOException, InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : new String[] {"/", "/papers/date/2026-08-21", "/api/daily_papers", "/rss", "/papers/2406.09414", "/health"}) {
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }
}
