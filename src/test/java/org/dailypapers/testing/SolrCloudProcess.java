package org.dailypapers.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One SolrCloud cluster for the whole test run: 2 Jetty Solr nodes and an embedded ZooKeeper, run by the
 * solr-cluster module's launcher ({@code MiniSolrCloudCluster}) in a child JVM, because Solr 9's Lucene 9 and
 * Jetty 10 cannot share this JVM's class path. The first test that asks starts it (compiling the module and
 * writing its class path with Maven when they are missing or older than its sources); a shutdown hook stops it
 * when the test JVM exits, and the child exits on its own when this JVM dies (its stdin closes). Every wait is
 * bounded. Tests must not stop both nodes; one that stops a node starts it again.
 */
public final class SolrCloudProcess {

    private static final Path MODULE = Path.of("solr-cluster");
    private static final long START_SECONDS = 240;
    private static SolrCloudProcess instance;

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final String urls;
    private final long startMillis;

    private SolrCloudProcess() throws IOException, InterruptedException {
        List<String> classPath = buildModule();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", String.join(java.io.File.pathSeparator, classPath),
                "org.dailypapers.solrcluster.SolrClusterLauncher", "2"));
        Path log = Files.createDirectories(Path.of("target")).resolve("solr-cluster.log");
        long start = System.nanoTime();
        process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    answers.add(line);
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "solr-cluster-stdout");
        reader.setDaemon(true);
        reader.start();
        String ready = answers.poll(START_SECONDS, TimeUnit.SECONDS);
        if (ready == null || !ready.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the Solr cluster did not start within " + START_SECONDS + " s (" + ready
                    + "); see " + log.toAbsolutePath());
        }
        startMillis = (System.nanoTime() - start) / 1_000_000;
        urls = ready.replaceAll(".* urls=(\\S+).*", "$1");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    /** The running cluster, started on first use. */
    public static synchronized SolrCloudProcess get() {
        if (instance == null) {
            try {
                instance = new SolrCloudProcess();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** Base URLs of both nodes, comma-separated, as DAILYPAPERS_SOLR_URL takes them. */
    public String urls() {
        return urls;
    }

    /** How long the cluster took to start (child JVM to READY). */
    public long startMillis() {
        return startMillis;
    }

    /** Stops node {@code n} (0 or 1) as a crash would take it away. */
    public void stopNode(int n) {
        ask("stop " + n, "STOPPED " + n);
    }

    /** Starts node {@code n} again on its port and waits until it is live. */
    public void startNode(int n) {
        ask("start " + n, "STARTED " + n);
    }

    private synchronized void ask(String command, String expected) {
        try {
            answers.clear();
            commands.write(command + "\n");
            commands.flush();
            String answer = answers.poll(120, TimeUnit.SECONDS);
            if (answer == null || !answer.startsWith(expected)) {
                throw new IllegalStateException("the Solr cluster answered '" + answer + "' to '" + command + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        try {
            commands.write("shutdown\n");
            commands.flush();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    /**
     * The launcher's class path: its classes and the jars Maven lists in solr-cluster/target/classpath.txt, built
     * first when missing or older than the module's sources (offline first, then with the network for a first
     * download).
     */
    private static List<String> buildModule() throws IOException, InterruptedException {
        Path classes = MODULE.resolve("target/classes");
        Path classPath = MODULE.resolve("target/classpath.txt");
        if (!Files.exists(classPath) || !Files.exists(classes.resolve("org/dailypapers/solrcluster/SolrClusterLauncher.class"))
                || newer(MODULE.resolve("src"), Files.getLastModifiedTime(classPath).toMillis())
                || newer(MODULE.resolve("pom.xml"), Files.getLastModifiedTime(classPath).toMillis())) {
            if (maven(true) != 0 && maven(false) != 0) {
                throw new IllegalStateException("could not build solr-cluster/ with Maven: see target/solr-cluster-build.log");
            }
        }
        List<String> out = new ArrayList<>();
        out.add(classes.toAbsolutePath().toString());
        out.addAll(List.of(Files.readString(classPath).strip().split(java.io.File.pathSeparator)));
        return out;
    }

    private static int maven(boolean offline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-f", MODULE.resolve("pom.xml").toString(),
                "compile", "dependency:build-classpath", "-Dmdep.outputFile=target/classpath.txt"));
        if (offline) {
            command.add(1, "-o");
        }
        Process mvn = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target/solr-cluster-build.log").toFile()).start();
        if (!mvn.waitFor(15, TimeUnit.MINUTES)) {
            mvn.destroyForcibly();
            return -1;
        }
        return mvn.exitValue();
    }

    private static boolean newer(Path path, long than) throws IOException {
        try (var files = Files.walk(path)) {
            return files.anyMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis() > than;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }
}
