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

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        App app = data.open(port);
        app.loadDemoIfEmpty();
        Javalin web = app.web().start(app.config().port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.stop();
            app.close();
            stopped.countDown();
        }, "shutdown"));
        System.out.printf("Daily Papers is serving %d papers at http://localhost:%d/ (started in %.1f s; Ctrl+C stops)%n",
                app.papers().count(), web.port(), (System.nanoTime() - started) / 1e9);
        stopped.await();
        return 0;
    }
}
