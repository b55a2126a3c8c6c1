import org.ipdex.stack.LocalStack;
import org.ipdex.stack.Ports;
import org.ipdex.stack.StackSettings;
import org.ipdex.stack.EmbeddedDatabase;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The measurements behind docs/scaling.md, on the local stack: bytes per authority record in PostgreSQL and in an
 * edition index, bytes per API and per operation for the real corpus, the change feed's write ceiling with and
 * without its advisory lock, one search-service's search throughput, and what each process holds in memory.
 */
public final class SizesBench {

    public static void main(String[] args) throws Exception {
        List<Long> editions = new ArrayList<>();
        for (String n : (args.length > 0 ? args[0] : "1000000").split(",")) {
            editions.add(Long.parseLong(n.strip()));
        }
        Path repository = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        double feedSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        int wrkSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        // under /tmp: Elasticsearch runs as its own user when we are root and must reach its data
        Path work = Path.of("/tmp", "ipdex-bench-sizes");
        SearchLatencyBench.deleteTree(work);
        Files.createDirectories(work, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Report report = new Report();
        StackSettings.Ports ports = new StackSettings.Ports(Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free());
        Path home = work.resolve("home");
        log("starting the local stack without demo data (Elasticsearch 1 GB heap, services -Xmx512m)");
        try (LocalStack stack = LocalStack.start(new StackSettings(home, repository, ports, Optional.empty(),
                Optional.empty(), "1g", false))) {
            String jdbc = "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/";
            String es = "http://127.0.0.1:" + ports.elasticsearch();
            String search = stack.serviceUrl("search-service");
            String secret = Files.readString(home.resolve("identity-secret")).strip();

            log("feed write ceiling, " + feedSeconds + " s per point");
            EmbeddedDatabase.createDatabaseIfMissing(jdbc, EmbeddedDatabase.USER, "", "ipdex_feedbench");
            report.feed(FeedCeiling.run(jdbc + "ipdex_feedbench", repository, new int[]{1, 4, 16}, feedSeconds, 5));

            Corpus.register(stack.gatewayUrl(), stack.adminKey(),
                    repository.resolve("../shared/corpus/openapi").normalize(), work);
            String token = IdentityToken.anonymous(secret, 7200);
            awaitIndexed(search, token);
            Http.ok("POST", es + "/apis,operations/_refresh", null);
            report.catalog(Sizes.tables(jdbc + "ipdex_catalog", "%"), Sizes.indices(es, "apis*,operations*"),
                    Sizes.forceMerged(es, "apis*,operations*"));

            // the first edition, then the search ceiling and memory (so that they survive a long last edition),
            // then the larger editions, then memory again (its peak includes their ingest and indexing)
            edition(report, work, repository, stack, jdbc, es, secret, editions.get(0));
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                URI uri = SearchLatencyBench.request(new SearchLatencyBench.Target("http://search", token), i,
                        editions.get(0)).uri();
                paths.add(uri.getRawPath() + "?" + uri.getRawQuery());
            }
            report.throughput(Throughput.wrk(work, home.resolve("run"), search, token, paths, wrkSeconds));
            report.memory(home.resolve("run"));
            for (long records : editions.subList(1, editions.size())) {
                edition(report, work, repository, stack, jdbc, es, secret, records);
            }
            if (editions.size() > 1) {
                report.memory(home.resolve("run"));
            }
        }
        report.print();
        SearchLatencyBench.deleteTree(work);
        System.exit(0);
    }

    private static void edition(Report report, Path work, Path repository, LocalStack stack, String jdbc, String es,
                                String secret, long records) throws Exception {
        Path file = work.resolve("ep-" + records + ".csv");
        log("generating " + records + " records (testdata, epo-csv)");
        generate(repository, records, file);
        log("uploading them to authority-service as an edition of EP");
        long started = System.nanoTime();
        upload(stack.serviceUrl("authority-service"), officeToken(secret, "EP"), file);
        double ingest = (System.nanoTime() - started) / 1e9;
        long edition = Sizes.scalar(jdbc + "ipdex_authority",
                "SELECT active_edition_id FROM office_state WHERE office = 'EP'");
        String index = "authority-ep-e" + edition;
        awaitAlias(es, "authority-ep", index);
        double indexed = (System.nanoTime() - started) / 1e9;
        Files.delete(file);
        report.authority(records, ingest, indexed, Sizes.tables(jdbc + "ipdex_authority", "authority_record_e" + edition),
                Sizes.indices(es, index), Sizes.forceMerged(es, index));
    }

    private static void generate(Path repository, long records, Path out) throws Exception {
        Path jar;
        try (var jars = Files.list(repository.resolve("testdata/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("testdata-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("testdata jar missing: build testdata first"));
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--records", Long.toString(records), "--layout", "epo-csv", "--office", "EP",
                "--out", out.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the generator failed");
        }
    }

    private static void upload(String authority, String token, Path file) throws Exception {
        HttpResponse<String> answer = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(authority
                        + "/api/v1/authority/offices/EP/editions?layout=epo-csv&wait=true"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** Corpus.awaitIndexed, again while a busy machine makes a request time out or the 180 s pass. */
    private static void awaitIndexed(String search, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (true) {
            try {
                Corpus.awaitIndexed(search, token);
                return;
            } catch (java.io.IOException | IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                log("search-service has not indexed the corpus yet (" + e + "); waiting on");
            }
        }
    }

    /** Until search-service has loaded the edition and moved the office's alias onto it. */
    private static void awaitAlias(String es, String alias, String index) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = Http.send("GET", es + "/_alias/" + alias, null);
            if (answer.statusCode() == 200 && answer.body().contains("\"" + index + "\"")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(alias + " did not reach " + index + " within 30 minutes");
    }

    /** An office identity token as the gateway would forward it (see org.ipdex.common.identity.Identity). */
    static String officeToken(String secret, String office) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = base64("{\"sub\":\"bench-" + office + "\",\"roles\":[\"office\"],\"office\":\"" + office
                + "\",\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + (now + 7200) + "}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static void log(String message) {
        System.out.println("bench: " + message + "   [load " + load() + "]");
    }
}
