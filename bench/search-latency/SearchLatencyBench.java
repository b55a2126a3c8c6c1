import org.ipdex.stack.ChildProcess;
import org.ipdex.stack.ElasticsearchNode;
import org.ipdex.stack.EmbeddedDatabase;
import org.ipdex.stack.Ports;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Search latency at a constant rate for a mix of API, operation and authority queries: straight at
 * search-service (with a minted identity token), through the gateway, and through nginx as a plain reverse proxy,
 * in alternating rounds. The stack is PostgreSQL, Elasticsearch, catalog-service, search-service and the gateway
 * (authority-service is not needed: the authority records are bulk-loaded into an edition index and its aliases,
 * exactly the documents search-service itself writes; bench/search-index times that path).
 */
public final class SearchLatencyBench {

    private static final String[] API_WORDS = {"patent", "register", "family", "legal status", "trademark",
            "biblio", "publication", "citation", "\"published data\"", "classification", "images", "search"};
    private static final String[] OPERATION_WORDS = {"family", "legal", "images", "claims", "description",
            "number", "application", "biblio", "equivalents", "register", "search", "citations"};

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path repository = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Duration round = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 20);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "ipdex-bench-latency");
        deleteTree(work);
        Files.createDirectories(work);
        String secret = "bench-identity-secret-0123456789-abcdefghijklmnop";
        List<AutoCloseable> started = new ArrayList<>();
        // Ctrl-C or kill: stop what was started, newest first, as the normal end does
        Thread cleanup = new Thread(() -> stopAll(started), "stop-bench-stack");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            log("starting PostgreSQL and Elasticsearch");
            EmbeddedDatabase postgres = EmbeddedDatabase.start(work.resolve("postgres"), Ports.free());
            started.add(postgres);
            postgres.createDatabaseIfMissing("ipdex_catalog");
            postgres.createDatabaseIfMissing("ipdex_gateway");
            ElasticsearchNode node = ElasticsearchNode.start(Path.of(System.getProperty("java.io.tmpdir"),
                    "ipdex-test"), work.resolve("es"), Ports.free(), "1g", null);
            started.add(node);

            int catalogPort = Ports.free();
            int searchPort = Ports.free();
            int gatewayPort = Ports.free();
            String catalog = "http://127.0.0.1:" + catalogPort;
            String search = "http://127.0.0.1:" + searchPort;
            String gateway = "http://127.0.0.1:" + gatewayPort;
            String nowhere = "http://127.0.0.1:" + Ports.free();
            Map<String, String> common = Map.of("IPDEX_IDENTITY_SECRET", secret,
                    "DATASOURCES_DEFAULT_USERNAME", EmbeddedDatabase.USER, "DATASOURCES_DEFAULT_PASSWORD", "");
            ChildProcess catalogService = service(started, repository, work, "catalog-service", catalogPort, common,
                    Map.of("DATASOURCES_DEFAULT_URL", postgres.jdbcUrl("ipdex_catalog")));
            ChildProcess searchService = service(started, repository, work, "search-service", searchPort, common,
                    Map.of("IPDEX_ELASTICSEARCH_URL", node.url(), "IPDEX_FEEDS_CATALOG_URL", catalog,
                            "IPDEX_FEEDS_AUTHORITY_URL", nowhere));
            catalogService.awaitHealthy(catalog + "/health", Duration.ofSeconds(180));
            searchService.awaitHealthy(search + "/health", Duration.ofSeconds(180));
            Path adminKeyFile = work.resolve("admin-api-key");
            // one client address sends every request here; the default policy (600 per minute per address) would
            // answer 429 to most of them, so the quota is raised: the limiter still runs on every request
            service(started, repository, work, "gateway", gatewayPort, common, Map.of(
                    "JAVA_TOOL_OPTIONS", "-Dipdex.rate-limits.policies.default.quota=100000000",
                    "DATASOURCES_DEFAULT_URL", postgres.jdbcUrl("ipdex_gateway"),
                    "IPDEX_BOOTSTRAP_ADMIN_KEY_FILE", adminKeyFile.toString(),
                    "IPDEX_BACKENDS_CATALOG_URL", catalog, "IPDEX_BACKENDS_AUTHORITY_URL", nowhere,
                    "IPDEX_BACKENDS_SEARCH_URL", search));
            Http.awaitAnswer(gateway + "/health", Duration.ofSeconds(180));
            while (!Files.exists(adminKeyFile)) {
                Thread.sleep(200);
            }
            String adminKey = Files.readString(adminKeyFile).strip();

            Corpus.register(gateway, adminKey, repository.resolve("../shared/corpus/openapi").normalize(), work);
            String token = IdentityToken.anonymous(secret, 3600);
            Corpus.awaitIndexed(search, token);
            log("loading " + records + " authority records into authority-ep-e1");
            Corpus.loadAuthority(node.url(), repository, work, records);

            Nginx nginx = Nginx.start(work.resolve("nginx"), Ports.free(), searchPort);
            started.add(nginx);
            Http.awaitAnswer(nginx.url() + "/health", Duration.ofSeconds(20));

            Map<String, Target> targets = new LinkedHashMap<>();
            targets.put("direct", new Target(search, token));
            targets.put("gateway", new Target(gateway, null));
            targets.put("nginx", new Target(nginx.url(), token));
            LoadGenerator load = new LoadGenerator();
            Map<String, List<LoadGenerator.Result>> results = new HashMap<>();
            // steady state: the JITs of the services and of Elasticsearch, and Elasticsearch's caches, warm up
            // over the first thousands of requests (a 5 s warm-up left the first round 10x slower)
            for (Map.Entry<String, Target> target : targets.entrySet()) {
                log("warming up " + target.getKey());
                load.run(i -> request(target.getValue(), i, records), rate, Duration.ofSeconds(20));
            }
            for (int r = 1; r <= rounds; r++) {
                for (Map.Entry<String, Target> target : targets.entrySet()) {
                    LoadGenerator.Result result = load.run(i -> request(target.getValue(), i, records), rate, round);
                    results.computeIfAbsent(target.getKey(), k -> new ArrayList<>()).add(result);
                    log(String.format("round %d %-8s p50 %6.2f ms  p99 %7.2f ms  errors %d  load %s", r,
                            target.getKey(), result.percentileMillis(50), result.percentileMillis(99), result.errors(),
                            Files.readString(Path.of("/proc/loadavg")).strip()));
                }
            }
            report(results, records, rate, round, rounds);
        } finally {
            stopAll(started);
        }
        deleteTree(work);
        System.exit(0);
    }

    private static synchronized void stopAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.remove(i).close();
            } catch (Exception e) {
                log("while stopping: " + e);
            }
        }
    }

    record Target(String base, String token) {
    }

    /** One third each: API search, operation search, authority look-up by a written form of a number. */
    static HttpRequest request(Target target, int i, long records) {
        String url = switch (i % 3) {
            case 0 -> target.base() + "/api/v1/search/apis?q=" + encode(API_WORDS[(i / 3) % API_WORDS.length]);
            case 1 -> target.base() + "/api/v1/search/operations?q="
                    + encode(OPERATION_WORDS[(i / 3) % OPERATION_WORDS.length]);
            default -> {
                long n = Math.floorMod((long) i * 2_654_435_761L, records);
                yield target.base() + "/api/v1/search/authority?q=" + encode("EP " + (1_000_000 + n) + " "
                        + AuthorityData.kind(n));
            }
        };
        return LoadGenerator.get(url, target.token());
    }

    private static void report(Map<String, List<LoadGenerator.Result>> results, long records, int rate,
                               Duration round, int rounds) {
        LoadGenerator.Result direct = LoadGenerator.Result.merge(results.get("direct"));
        LoadGenerator.Result gateway = LoadGenerator.Result.merge(results.get("gateway"));
        LoadGenerator.Result nginx = LoadGenerator.Result.merge(results.get("nginx"));
        System.out.println();
        System.out.printf("search latency, %d requests/s (open model), %d x %d s per target, mix 1/3 APIs, 1/3 "
                + "operations, 1/3 authority look-ups; %,d authority records; 2 cores shared%n", rate, rounds,
                round.toSeconds(), records);
        System.out.printf("  %-8s %8s %8s %8s %8s %7s%n", "", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
        for (Map.Entry<String, LoadGenerator.Result> row : Map.of("direct", direct, "gateway", gateway, "nginx",
                nginx).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            LoadGenerator.Result r = row.getValue();
            System.out.printf("  %-8s %8.2f %8.2f %8.2f %8.2f %7d%n", row.getKey(), r.percentileMillis(50),
                    r.percentileMillis(90), r.percentileMillis(99), r.percentileMillis(100), r.errors());
            if (r.firstError() != null) {
                System.out.println("           first error: " + r.firstError());
            }
        }
        System.out.printf("  gateway / direct: p50 %.2f, p99 %.2f   (targets <= 1.25)%n",
                gateway.percentileMillis(50) / direct.percentileMillis(50),
                gateway.percentileMillis(99) / direct.percentileMillis(99));
        System.out.printf("  gateway / nginx:  p50 %.2f, p99 %.2f   (targets <= 1.5; gateway p99 target <= 50 ms)%n",
                gateway.percentileMillis(50) / nginx.percentileMillis(50),
                gateway.percentileMillis(99) / nginx.percentileMillis(99));
    }

    private static ChildProcess service(List<AutoCloseable> started, Path repository, Path work, String name,
                                        int port, Map<String, String> common, Map<String, String> own) {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(own);
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        log("starting " + name + " on port " + port);
        ChildProcess process = ChildProcess.start(name, List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", "-Xmx512m",
                "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError", "-jar", repository.resolve(name + "/target/" + name + ".jar").toString()),
                env, work.resolve("logs").resolve(name + ".log"), null);
        started.add(process);
        return process;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static void deleteTree(Path root) throws Exception {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void log(String message) {
        System.out.println("bench: " + message);
    }
}
