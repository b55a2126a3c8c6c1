import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.ipdex.stack.ChildProcess;
import org.ipdex.stack.ElasticsearchNode;
import org.ipdex.stack.Ports;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Authority indexing rate, end to end through search-service, against {@code curl} posting the same documents to
 * {@code _bulk} in 10,000-document batches, on the same Elasticsearch node in the same run.
 *
 * <p>search-service runs as its own process (the shaded jar). authority-service is replaced by a stub HTTP server
 * in this driver: it serves a change feed with one {@code edition.activated} event and the edition's records as
 * NDJSON from a generated file, as authority-service's internal API does.
 */
public final class IndexBench {

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path repository = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "ipdex-bench-index");
        deleteTree(work);
        Files.createDirectories(work);

        log("generating " + records + " records");
        Path edition = work.resolve("edition-1.ndjson");
        AuthorityData.writeEdition(edition, "EP", records);
        Path warmup = work.resolve("edition-warmup.ndjson");
        long warmupRecords = Math.min(records, 100_000);
        AuthorityData.writeEdition(warmup, "EP", warmupRecords);
        int batches = AuthorityData.writeBulkBatches(work.resolve("bulk"), "EP", 0, records, 10_000);

        log("starting Elasticsearch");
        try (ElasticsearchNode node = ElasticsearchNode.start(Path.of(System.getProperty("java.io.tmpdir"),
                "ipdex-test"), work.resolve("es"), Ports.free(), "1g", null)) {
            String es = node.url();
            Stub stub = Stub.start(warmup, edition);
            int port = Ports.free();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xms64m", "-Xmx512m", "-XX:+UseParallelGC"));
            // e.g. a flight recording: SERVICE_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/index.jfr
            String extra = System.getenv().getOrDefault("SERVICE_JAVA_OPTS", "");
            if (!extra.isBlank()) {
                command.addAll(List.of(extra.strip().split("\\s+")));
            }
            command.addAll(List.of("-jar", repository.resolve("search-service/target/search-service.jar").toString()));
            ChildProcess service = ChildProcess.start("search-service", command,
                    Map.of("MICRONAUT_SERVER_PORT", Integer.toString(port),
                            "IPDEX_IDENTITY_SECRET", "bench-identity-secret-0123456789-abcdefghijklmnop",
                            "IPDEX_ELASTICSEARCH_URL", es,
                            "IPDEX_FEEDS_CATALOG_ENABLED", "false",
                            "IPDEX_FEEDS_CATALOG_URL", stub.url(),
                            "IPDEX_FEEDS_AUTHORITY_URL", stub.url()),
                    work.resolve("search-service.log"), null);
            try {
                service.awaitHealthy("http://127.0.0.1:" + port + "/health", Duration.ofSeconds(120));
                // a first, smaller edition warms both JVMs up (JIT, caches); it is not counted
                log("warm-up: edition 1 of EP (" + warmupRecords + " records)");
                ipdexRound(es, stub, 1, warmupRecords);
                // alternating rounds, so that the other work on a shared machine weighs on both sides alike
                double ipdexTotal = 0;
                double rawTotal = 0;
                for (int round = 1; round <= rounds; round++) {
                    log("round " + round + ": activating edition " + (round + 1) + " of EP (" + records + " records)");
                    double ipdex = ipdexRound(es, stub, round + 1, records);
                    log("round " + round + ": raw baseline, curl, " + batches + " _bulk requests of 10,000 documents");
                    double raw = rawRound(es, repository, work, "raw-authority-" + round, records);
                    System.out.printf("round %d: ipdex %.1f s (%,.0f records/s), raw %.1f s (%,.0f records/s), "
                            + "ratio %.2f, load average %s%n", round, ipdex, records / ipdex, raw, records / raw,
                            ipdex / raw, Files.readString(Path.of("/proc/loadavg")).strip());
                    ipdexTotal += ipdex;
                    rawTotal += raw;
                }
                System.out.println();
                System.out.printf("authority indexing, %,d records per edition, %d rounds, 2 cores shared%n", records,
                        rounds);
                System.out.printf("  ipdex (edition.activated -> alias swapped; create, stream, bulk, refresh, swap): "
                        + "%,9.0f records/s%n", rounds * records / ipdexTotal);
                System.out.printf("  raw   (curl _bulk, 10,000 documents per request, then refresh):               "
                        + "%,9.0f records/s%n", rounds * records / rawTotal);
                System.out.printf("  ipdex / raw (time): %.2f   (targets: ratio <= 1.5, rate >= 40,000/s)%n",
                        ipdexTotal / rawTotal);
            } finally {
                service.close();
                stub.close();
            }
        }
        deleteTree(work);
    }

    /** @return seconds from the event being offered to the alias pointing at the complete edition */
    private static double ipdexRound(String es, Stub stub, int edition, long records) throws Exception {
        long armed = System.nanoTime();
        stub.arm(edition);
        while (!aliased(es, "authority-ep", "authority-ep-e" + edition)) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - armed) / 1e9;
        long count = count(es, "authority-ep");
        if (count != records) {
            throw new IllegalStateException("authority-ep holds " + count + " records, expected " + records);
        }
        return seconds;
    }

    private static double rawRound(String es, Path repository, Path work, String index, long records) throws Exception {
        Http.ok("PUT", es + "/" + index, Files.readString(repository.resolve(
                "search-service/src/main/resources/index/authority-v1.json")));
        // the same write-tuned settings search-service uses while loading an edition
        Http.ok("PUT", es + "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\"-1\","
                + "\"auto_expand_replicas\":\"false\",\"number_of_replicas\":0,"
                + "\"translog\":{\"durability\":\"async\"}}}");
        long start = System.nanoTime();
        Process curl = new ProcessBuilder("bash", "-c", "for f in " + work.resolve("bulk")
                + "/*.ndjson; do curl -sS -o /dev/null -H 'Content-Type: application/x-ndjson' "
                + "--data-binary @\"$f\" '" + es + "/" + index + "/_bulk'; done").inheritIO().start();
        if (curl.waitFor() != 0) {
            throw new IllegalStateException("curl failed");
        }
        Http.ok("PUT", es + "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\"1s\","
                + "\"auto_expand_replicas\":\"0-1\",\"translog\":{\"durability\":\"request\"}}}");
        Http.ok("POST", es + "/" + index + "/_refresh", null);
        double seconds = (System.nanoTime() - start) / 1e9;
        long count = count(es, index);
        if (count != records) {
            throw new IllegalStateException(index + " holds " + count + " records");
        }
        Http.ok("DELETE", es + "/" + index, null);
        return seconds;
    }

    /** 404 until the alias exists. */
    private static boolean aliased(String es, String alias, String index) throws Exception {
        var response = Http.send("GET", es + "/_alias/" + alias, null);
        return response.statusCode() == 200 && response.body().contains("\"" + index + "\"");
    }

    private static long count(String es, String index) throws Exception {
        String body = Http.ok("GET", es + "/" + index + "/_count", null);
        return Long.parseLong(body.replaceAll(".*\"count\":(\\d+).*", "$1"));
    }

    /** authority-service's internal API as far as search-service uses it. */
    static final class Stub implements AutoCloseable {

        private final HttpServer server;
        private final Path warmup;
        private final Path edition;
        private volatile int armed;

        private Stub(HttpServer server, Path warmup, Path edition) {
            this.server = server;
            this.warmup = warmup;
            this.edition = edition;
        }

        /** Edition 1 is the warm-up file, every later edition the benchmark's file. */
        static Stub start(Path warmup, Path edition) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            Stub stub = new Stub(server, warmup, edition);
            server.createContext("/internal/v1/changes", stub::changes);
            server.createContext("/internal/v1/editions/", stub::records);
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "stub");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return stub;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** Offers the activation of editions 1 … {@code edition} on the feed. */
        void arm(int edition) {
            armed = edition;
        }

        private void changes(HttpExchange exchange) throws IOException {
            String query = exchange.getRequestURI().getQuery();
            long after = query == null ? 0 : Long.parseLong(query.replaceAll(".*after=(\\d+).*", "$1"));
            StringBuilder body = new StringBuilder();
            for (long seq = after + 1; seq <= armed; seq++) {
                body.append("{\"seq\":").append(seq).append(",\"type\":\"edition.activated\",\"key\":\"EP\",")
                        .append("\"version\":").append(seq).append(",\"at\":\"2025-01-01T00:00:00Z\",\"data\":")
                        .append("{\"editionId\":").append(seq).append(",\"office\":\"EP\",\"category\":\"full\",")
                        .append("\"recordCount\":0,\"producedOn\":\"2025-01-01\"}}\n");
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
            exchange.getResponseHeaders().add("X-Feed-Head", Integer.toString(armed));
            byte[] bytes = body.toString().getBytes();
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private void records(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, 0);
            boolean first = exchange.getRequestURI().getPath().startsWith("/internal/v1/editions/1/");
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(first ? warmup : edition, out);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static void log(String message) {
        System.out.println("bench: " + message);
    }
}
