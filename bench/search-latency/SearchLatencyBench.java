import org.ipdex.stack.LocalStack;
import org.ipdex.stack.Ports;
import org.ipdex.stack.StackSettings;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Search latency at a constant rate for a mix of API, operation and authority queries: straight at
 * search-service (with a minted identity token), through the gateway, and through nginx as a plain reverse proxy,
 * in alternating rounds. The stack is the local stack without demo data; the authority records are bulk-loaded
 * into an edition index and its aliases, exactly the documents search-service itself writes (bench/search-index
 * times that path), and authority-service stays idle. The gateway's rate limits stay on with a raised quota (see
 * run.sh): every request still goes through the limiter.
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
        // under /tmp: Elasticsearch runs as its own user when we are root and must reach its data
        Path work = Path.of("/tmp", "ipdex-bench-latency");
        deleteTree(work);
        Files.createDirectories(work, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        List<AutoCloseable> started = new ArrayList<>();
        // Ctrl-C or kill: stop what was started, newest first, as the normal end does
        Thread cleanup = new Thread(() -> stopAll(started), "stop-bench-stack");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            log("starting the local stack without demo data (deploy/local's LocalStack)");
            StackSettings.Ports ports = new StackSettings.Ports(Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                    Ports.free(), Ports.free());
            LocalStack stack = LocalStack.start(new StackSettings(work.resolve("home"), repository, ports,
                    Optional.empty(), Optional.empty(), "1g", false));
            started.add(stack);
            String gateway = stack.gatewayUrl();
            String search = stack.serviceUrl("search-service");
            String es = "http://127.0.0.1:" + ports.elasticsearch();
            String adminKey = stack.adminKey();
            String secret = Files.readString(work.resolve("home/identity-secret")).strip();

            Corpus.register(gateway, adminKey, repository.resolve("../shared/corpus/openapi").normalize(), work);
            String token = IdentityToken.anonymous(secret, 3600);
            Corpus.awaitIndexed(search, token);
            log("loading " + records + " authority records into authority-ep-e1");
            Corpus.loadAuthority(es, repository, work, records);

            Nginx nginx = Nginx.start(work.resolve("nginx"), Ports.free(), ports.search());
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
