package org.dailypapers.solrcluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Runs a SolrCloud cluster of real Jetty Solr nodes and an embedded ZooKeeper ({@link MiniSolrCloudCluster}, Solr's own
 * test harness) in this JVM, for the app's tests and for trying the solr search backend on one machine. Not for
 * production: use Solr's distribution there (docs/DEPLOY.md).
 *
 * <p>Usage: {@code SolrClusterLauncher [NODES] [BASE_DIR]} (2 nodes; a temporary directory, removed at the end). When
 * the nodes are up it prints one line to stdout, {@code READY zk=HOST:PORT urls=URL,URL}; everything else (Solr's logs)
 * goes to stderr. Then it reads commands, one a line, from stdin and answers each with one line:
 * <ul>
 *   <li>{@code stop N} stops node N (0-based), as a crash would take it away: {@code STOPPED N}</li>
 *   <li>{@code start N} starts node N again on its port: {@code STARTED N URL}</li>
 *   <li>{@code urls}: {@code URLS URL,URL} of the running nodes</li>
 *   <li>{@code shutdown} or the end of stdin (the parent died) stops the cluster and the JVM exits</li>
 * </ul>
 */
public final class SolrClusterLauncher {

    private SolrClusterLauncher() {}

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        boolean temporary = args.length < 2;
        Path base = temporary ? Files.createTempDirectory("solr-cluster") : Path.of(args[1]);
        long start = System.nanoTime();
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, base)
                .withJettyConfig(j -> j.setContext("/solr"))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(cluster, temporary ? base : null)));
        System.out.println("READY zk=" + cluster.getZkServer().getZkAddress() + " urls=" + urls(cluster.getJettySolrRunners())
                + " ms=" + (System.nanoTime() - start) / 1_000_000);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] cmd = line.strip().split("\\s+");
            try {
                switch (cmd[0]) {
                    case "stop" -> {
                        int n = Integer.parseInt(cmd[1]);
                        JettySolrRunner jetty = cluster.getJettySolrRunner(n);
                        jetty.stop();
                        cluster.waitForJettyToStop(jetty);
                        System.out.println("STOPPED " + n);
                    }
                    case "start" -> {
                        int n = Integer.parseInt(cmd[1]);
                        JettySolrRunner jetty = cluster.getJettySolrRunner(n);
                        jetty.start(true);
                        cluster.waitForNode(jetty, 60);
                        System.out.println("STARTED " + n + " " + jetty.getBaseUrl());
                    }
                    case "urls" -> System.out.println("URLS " + urls(cluster.getJettySolrRunners().stream()
                            .filter(JettySolrRunner::isRunning).toList()));
                    case "shutdown" -> {
                        System.out.println("BYE");
                        System.exit(0);
                    }
                    default -> System.out.println("ERROR unknown command: " + line);
                }
            } catch (Exception | Error e) {
                System.out.println("ERROR " + e);
            }
            System.out.flush();
        }
        System.exit(0); // stdin closed: the parent is gone
    }

    private static String urls(List<JettySolrRunner> jettys) {
        return jettys.stream().map(j -> j.getBaseUrl().toString()).collect(Collectors.joining(","));
    }

    private static void shutdown(MiniSolrCloudCluster cluster, Path temporaryBase) {
        try {
            cluster.shutdown();
        } catch (Exception e) {
            System.err.println("shutdown: " + e);
        }
        if (temporaryBase != null) {
            try (var files = Files.walk(temporaryBase)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (Exception e) {
                System.err.println("cleanup: " + e);
            }
        }
    }
}
