import org.ipdex.stack.LocalStack;
import org.ipdex.stack.Ports;
import org.ipdex.stack.StackSettings;
import org.ipdex.testdata.AuthorityFileWriter;
import org.ipdex.testdata.CollectionWriter;
import org.ipdex.testdata.GeneratedRecord;
import org.ipdex.testdata.Generate;
import org.ipdex.testdata.Layout;
import org.ipdex.testdata.RecordGenerator;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mixed load through the gateway for a fixed time, as the public and the offices use the product at once:
 * anonymous API, operation and authority searches and number look-ups at a constant rate, a new spec version every
 * few seconds, one authority edition upload and one coverage check. Prints errors (target 0), p99 per minute
 * (target: no upward drift, judged as the last minute's p99 against the first's, measured in this run) and, per
 * service, heap after a full collection, open file descriptors and threads at the start and at the end.
 */
public final class SoakBench {

    private static final String[] SERVICES = {"gateway", "catalog-service", "authority-service", "search-service"};
    private static final String[] API_WORDS = {"patent", "register", "family", "legal status", "trademark",
            "biblio", "publication", "citation", "classification", "images", "search"};
    private static final String[] OPERATION_WORDS = {"family", "legal", "images", "claims", "description",
            "number", "application", "biblio", "equivalents", "register", "search", "citations"};
    private static final int FIRST_EDITION = 100_000;
    private static final double DRIFT_TARGET = 1.5;

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long editionRecords = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
        Path repository = Path.of(args.length > 3 ? args[3] : ".").toAbsolutePath().normalize();
        // under /tmp: Elasticsearch runs as its own user when we are root and must reach its data
        Path work = Path.of("/tmp", "ipdex-bench-soak");
        SearchLatencyBench.deleteTree(work);
        Files.createDirectories(work, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        StackSettings.Ports ports = new StackSettings.Ports(Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free());
        Path home = work.resolve("home");
        log("starting the local stack without demo data");
        LocalStack stack = LocalStack.start(new StackSettings(home, repository, ports, Optional.empty(),
                Optional.empty(), "512m", false));
        // Ctrl-C or kill: stop the stack as the normal end does
        Thread stop = new Thread(stack::close, "stop-soak-stack");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            String gateway = stack.gatewayUrl();
            String adminKey = stack.adminKey();
            Corpus.register(gateway, adminKey, repository.resolve("../shared/corpus/openapi").normalize(), work);
            Corpus.awaitIndexed(stack.serviceUrl("search-service"), IdentityToken.anonymous(
                    Files.readString(home.resolve("identity-secret")).strip(), 3600));
            Writes writes = new Writes(gateway, adminKey, work);
            writes.upload(FIRST_EDITION);
            List<String> numbers = numbers(FIRST_EDITION, editionRecords);
            log(numbers.size() + " numbers to look up, in both editions");

            Map<String, ProcessStats> before = stats(home);
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService background = Executors.newFixedThreadPool(2);
            Future<?> versions = background.submit(() -> writes.versionsEvery(Duration.ofSeconds(3), running));
            Future<?> jobs = background.submit(() -> writes.editionThenCoverage(editionRecords, running));
            LoadGenerator load = new LoadGenerator();
            List<LoadGenerator.Result> perMinute = new ArrayList<>();
            for (int minute = 1; minute <= minutes; minute++) {
                LoadGenerator.Result result = load.run(i -> request(gateway, i, numbers), rate, Duration.ofMinutes(1));
                perMinute.add(result);
                log(String.format("minute %2d  p50 %6.2f ms  p99 %7.2f ms  max %8.2f ms  errors %d  %s  load %s",
                        minute, result.percentileMillis(50), result.percentileMillis(99),
                        result.percentileMillis(100), result.errors(), writes.summary(),
                        Files.readString(Path.of("/proc/loadavg")).strip()));
                if (result.firstError() != null) {
                    log("  first error: " + result.firstError());
                }
            }
            running.set(false);
            versions.get();
            jobs.get();
            background.shutdown();
            Map<String, ProcessStats> after = stats(home);
            report(perMinute, writes, before, after, rate);
        } finally {
            Runtime.getRuntime().removeShutdownHook(stop);
            stack.close();
            SearchLatencyBench.deleteTree(work);
        }
        System.exit(0);
    }

    /** A quarter each: API search, operation search, number look-up (PostgreSQL), authority search (Elasticsearch). */
    static HttpRequest request(String gateway, int i, List<String> numbers) {
        String number = numbers.get(Math.floorMod(i * 2_654_435_761L, numbers.size()));
        String url = switch (i % 4) {
            case 0 -> gateway + "/api/v1/search/apis?q=" + SearchLatencyBench.encode(API_WORDS[(i / 4) % API_WORDS.length]);
            case 1 -> gateway + "/api/v1/search/operations?q="
                    + SearchLatencyBench.encode(OPERATION_WORDS[(i / 4) % OPERATION_WORDS.length]);
            case 2 -> gateway + "/api/v1/authority/documents/" + SearchLatencyBench.encode(number);
            default -> gateway + "/api/v1/search/authority?q=" + SearchLatencyBench.encode(number);
        };
        return LoadGenerator.get(url, null);
    }

    /**
     * Numbers with their kind ("EP1234A1") that both editions hold, so that a look-up finds its record before and
     * after the second one becomes active (the generator spreads a larger edition differently: it is not a superset).
     */
    private static List<String> numbers(long first, long second) {
        Set<String> firstNumbers = new HashSet<>();
        RecordGenerator generator = new RecordGenerator("EP", first, 1, Generate.DEFAULT_PRODUCED);
        for (long i = 0; generator.hasNext(); i++) {
            GeneratedRecord record = generator.next();
            if (i % 7 == 0) {
                firstNumbers.add(record.numberKey() + record.kind());
            }
        }
        List<String> numbers = new ArrayList<>();
        RecordGenerator larger = new RecordGenerator("EP", second, 1, Generate.DEFAULT_PRODUCED);
        while (larger.hasNext()) {
            GeneratedRecord record = larger.next();
            String number = record.numberKey() + record.kind();
            if (firstNumbers.contains(number)) {
                numbers.add(number);
            }
        }
        if (numbers.isEmpty()) {
            throw new IllegalStateException("the two editions share no number to look up");
        }
        return numbers;
    }

    private static Map<String, ProcessStats> stats(Path home) throws Exception {
        Map<String, ProcessStats> stats = new LinkedHashMap<>();
        for (String service : SERVICES) {
            stats.put(service, ProcessStats.of(ProcessStats.pidOf(home, service)));
        }
        return stats;
    }

    private static void report(List<LoadGenerator.Result> perMinute, Writes writes, Map<String, ProcessStats> before,
                               Map<String, ProcessStats> after, int rate) {
        LoadGenerator.Result all = LoadGenerator.Result.merge(perMinute);
        int errors = all.errors() + writes.errors.get();
        double first = perMinute.get(0).percentileMillis(99);
        double last = perMinute.get(perMinute.size() - 1).percentileMillis(99);
        System.out.println();
        System.out.printf("soak: %d minutes through the gateway, reads at %d req/s (1/4 each: API search, operation "
                + "search, number look-up, authority search), a spec version every 3 s, one edition, one coverage check%n",
                perMinute.size(), rate);
        System.out.printf("  reads %,d (errors %d), version registrations %d (errors %d), edition %s, coverage %s%n",
                all.latenciesNanos().length, all.errors(), writes.versions.get(), writes.versionErrors.get(),
                writes.edition, writes.coverage);
        writes.failures.forEach(failure -> System.out.println("  write failure: " + failure));
        System.out.printf("  errors: %d (target 0) -> %s%n", errors, errors == 0 ? "met" : "NOT MET");
        System.out.printf("  p99 first minute %.2f ms, last minute %.2f ms, ratio %.2f (target <= %.1f, no upward drift) -> %s%n",
                first, last, last / first, DRIFT_TARGET, last / first <= DRIFT_TARGET ? "met" : "NOT MET");
        System.out.printf("  %-18s %16s %16s %12s %12s%n", "service", "heap after GC", "", "open files", "threads");
        System.out.printf("  %-18s %8s %7s %7s %6s %5s %6s %5s%n", "", "start", "end", "ratio", "start", "end", "start", "end");
        before.forEach((service, start) -> {
            ProcessStats end = after.get(service);
            System.out.printf("  %-18s %6.1fM %6.1fM %7.2f %6d %5d %6d %5d%n", service, start.heapAfterGcKiB() / 1024.0,
                    end.heapAfterGcKiB() / 1024.0, (double) end.heapAfterGcKiB() / start.heapAfterGcKiB(),
                    start.openFiles(), end.openFiles(), start.threads(), end.threads());
        });
    }

    static void log(String message) {
        SearchLatencyBench.log(message);
    }

    /** The office side of the load: spec versions, one edition, one coverage check; every failure is kept. */
    static final class Writes {
        private final String gateway;
        private final String adminKey;
        private final Path work;
        final AtomicInteger versions = new AtomicInteger();
        final AtomicInteger versionErrors = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        volatile String edition = "not started";
        volatile String coverage = "not started";

        Writes(String gateway, String adminKey, Path work) {
            this.gateway = gateway;
            this.adminKey = adminKey;
            this.work = work;
        }

        String summary() {
            return "versions " + versions.get() + ", edition " + edition + ", coverage " + coverage;
        }

        void versionsEvery(Duration pause, AtomicBoolean running) {
            String path = "/api/v1/catalog/apis?office=XX&apiId=soak-writes";
            for (int n = 1; running.get(); n++) {
                try {
                    HttpResponse<String> answer = send(path, "application/json", HttpRequest.BodyPublishers.ofString(spec(n)),
                            Duration.ofSeconds(30));
                    if (answer.statusCode() / 100 == 2) {
                        versions.incrementAndGet();
                    } else {
                        fail("version " + n + ": " + answer.statusCode() + " " + answer.body());
                        versionErrors.incrementAndGet();
                    }
                    path = "/api/v1/catalog/apis/soak-writes/versions";
                    Thread.sleep(pause.toMillis());
                } catch (Exception e) {
                    fail("version " + n + ": " + e);
                    versionErrors.incrementAndGet();
                }
            }
        }

        void editionThenCoverage(long records, AtomicBoolean running) {
            try {
                Thread.sleep(Duration.ofMinutes(1).toMillis());
                long started = System.nanoTime();
                edition = "uploading";
                upload(records);
                edition = String.format("%,d records active after %.1f s", records, (System.nanoTime() - started) / 1e9);
                coverage = "running";
                coverage = coverageCheck(records);
            } catch (Exception e) {
                fail("edition or coverage: " + e);
                edition = edition.equals("uploading") ? "failed" : edition;
                coverage = coverage.equals("running") ? "failed" : coverage;
            }
        }

        void upload(long records) throws Exception {
            Path file = work.resolve("edition-" + records + ".csv");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                AuthorityFileWriter.write(Layout.of("epo-csv"), "EP", Generate.DEFAULT_PRODUCED, "full",
                        new RecordGenerator("EP", records, 1, Generate.DEFAULT_PRODUCED), out);
            }
            HttpResponse<String> answer = send("/api/v1/authority/offices/EP/editions?layout=epo-csv&wait=true",
                    "text/csv", HttpRequest.BodyPublishers.ofFile(file), Duration.ofMinutes(10));
            Files.delete(file);
            if (answer.statusCode() / 100 != 2 || !answer.body().contains("\"active\"")) {
                throw new IllegalStateException("edition of " + records + ": " + answer.statusCode() + " " + answer.body());
            }
        }

        private String coverageCheck(long records) throws Exception {
            long started = System.nanoTime();
            Path file = work.resolve("collection.txt");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                CollectionWriter.write(new RecordGenerator("EP", records, 1, Generate.DEFAULT_PRODUCED), 2, 1, 1, out);
            }
            HttpResponse<String> answer = send("/api/v1/authority/coverageChecks?offices=EP&name=soak", "text/plain",
                    HttpRequest.BodyPublishers.ofFile(file), Duration.ofMinutes(5));
            Files.delete(file);
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("coverage check: " + answer.statusCode() + " " + answer.body());
            }
            String checkId = field(answer.body(), "checkId");
            while (true) {
                HttpResponse<String> state = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(gateway
                        + "/api/v1/authority/coverageChecks/" + checkId)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                String status = state.statusCode() == 200 ? field(state.body(), "status") : "?";
                if (status.equals("done")) {
                    return String.format("done after %.1f s", (System.nanoTime() - started) / 1e9);
                }
                if (status.equals("failed") || state.statusCode() / 100 != 2) {
                    throw new IllegalStateException("coverage check " + checkId + ": " + state.statusCode() + " "
                            + state.body());
                }
                Thread.sleep(1000);
            }
        }

        private HttpResponse<String> send(String path, String type, HttpRequest.BodyPublisher body, Duration timeout)
                throws Exception {
            return Http.CLIENT.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(timeout)
                    .header("Authorization", "Bearer " + adminKey).header("Content-Type", type).POST(body).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** One top-level string field of a JSON answer; the bench keeps to the JDK, without a JSON library. */
        private static String field(String json, String name) {
            java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"")
                    .matcher(json);
            if (!value.find()) {
                throw new IllegalStateException("no " + name + " in " + json);
            }
            return value.group(1);
        }

        private void fail(String failure) {
            errors.incrementAndGet();
            failures.add(failure);
        }

        /** A small OpenAPI 3 document whose version and one description change with every registration. */
        private static String spec(int n) {
            return """
                    {"openapi":"3.0.3","info":{"title":"Soak writes","version":"1.0.%d",
                     "description":"Registered by bench/soak, version %d."},
                     "servers":[{"url":"https://soak.example.org/api/v1"}],
                     "paths":{"/items":{"get":{"operationId":"listItems","summary":"List the items",
                       "responses":{"200":{"description":"The items","content":{"application/json":{"schema":{
                         "type":"array","items":{"type":"string"}}}}}}}}}}
                    """.formatted(n, n);
        }
    }
}
