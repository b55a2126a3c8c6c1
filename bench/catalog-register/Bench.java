import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The catalog registration benchmark driver, run by run.sh as a single source file against a running local stack:
 * <pre>
 * java -cp catalog-service.jar Bench.java GATEWAY_URL ADMIN_KEY SPECS_DIR POSTGRES_JDBC
 * </pre>
 * Everything goes through the gateway as an office would do it: the admin key creates the offices and one key per
 * office, each spec is posted with its office's key, and the checks at the end read the public API. Jackson,
 * swagger-parser and the PostgreSQL driver come from catalog-service's jar on the class path.
 */
public class Bench {

    /** The office the APIs.guru sample is registered under: they are not IP offices' APIs, so a test office. */
    static final String SAMPLE_OFFICE = "XX";
    static final Duration SEARCHABLE_WITHIN = Duration.ofMinutes(5);

    /** One spec to register: who owns it and how it is sent. */
    private HttpResponse<String> register(Spec spec, String query, Map<String, String> keys) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/catalog/apis" + query))
                .header("Content-Type", spec.contentType()).header("Authorization", "Bearer " + keys.get(spec.office()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(spec.body())));
    }

    private static String freeId(String problem) throws Exception {
        for (JsonNode error : JSON.readTree(problem).path("errors")) {
            java.util.regex.Matcher free = java.util.regex.Pattern.compile("(\\S+) is free")
                    .matcher(error.path("message").asText());
            if (free.matches()) {
                return free.group(1);
            }
        }
        throw new IllegalStateException("a 409 without a free id: " + problem);
    }

    record Spec(String office, String name, byte[] body, String contentType, String query, Path parseFrom) {
    }

    /** What the catalogue answered for one spec. */
    record Registered(Spec spec, String apiId, int version, String outcome, String st90Level, String diffVerdict) {

        static Registered of(Spec spec, JsonNode answer) {
            return new Registered(spec, answer.path("api").path("apiId").asText(), answer.path("version").asInt(),
                    answer.path("outcome").asText(), answer.path("st90Level").asText(null),
                    answer.path("diffVerdict").asText(null));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String adminKey;
    private final List<String> failures = new ArrayList<>();

    Bench(String gateway, String adminKey) {
        this.gateway = gateway;
        this.adminKey = adminKey;
    }

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench(args[0], args[1]);
        List<Spec> specs = specs(Path.of(args[2]));
        bench.run(specs, args[3]);
    }

    private void run(List<Spec> specs, String postgresJdbc) throws Exception {
        System.out.printf("specs: %d (%d APIs.guru Swagger 2.0 + office corpus: EPO OPS, DPMA, USPTO ODP bundle)%n",
                specs.size(), specs.size() - 3);
        long parserNanos = parserBaseline(specs);
        long insertNanos = insertBaseline(specs, postgresJdbc);
        Map<String, String> keys = officeKeys();

        List<Long> perSpec = new ArrayList<>();
        List<Registered> registered = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        long started = System.nanoTime();
        for (Spec spec : specs) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = register(spec, spec.query(), keys);
            if (answer.statusCode() == 409) {
                // another spec of the office has this title: POST /apis never merges it, the problem names a free id
                answer = register(spec, spec.query() + (spec.query().isEmpty() ? "?" : "&") + "apiId="
                        + freeId(answer.body()), keys);
            }
            perSpec.add(System.nanoTime() - t0);
            if (answer.statusCode() != 201 && answer.statusCode() != 200) {
                outcomes.merge("HTTP " + answer.statusCode(), 1, Integer::sum);
                failures.add(spec.name() + ": HTTP " + answer.statusCode() + " " + shorten(answer.body()));
                continue;
            }
            Registered one = Registered.of(spec, JSON.readTree(answer.body()));
            outcomes.merge(one.outcome(), 1, Integer::sum);
            registered.add(one);
        }
        long registeredAt = System.nanoTime();
        Map<String, JsonNode> found = awaitSearchable(latest(registered));
        long searchableAt = System.nanoTime();

        Collections.sort(perSpec);
        double wall = (searchableAt - started) / 1e9;
        System.out.printf("%nipdex through the gateway, one client, sequential (parse, vet, lint, diff, store, feed, "
                + "audit; then indexed by search-service):%n");
        System.out.printf("  registered in %.2f s   median %.1f ms   p90 %.1f ms   max %.1f ms   outcomes %s%n",
                (registeredAt - started) / 1e9, perSpec.get(perSpec.size() / 2) / 1e6,
                perSpec.get(perSpec.size() * 9 / 10) / 1e6, perSpec.get(perSpec.size() - 1) / 1e6, outcomes);
        System.out.printf("  every API searchable %.2f s after the first request (%d APIs found)%n", wall,
                found.size());
        System.out.printf("baseline swagger-parser alone (same files, in this JVM): %.2f s  -> ipdex / parser = %.1f x%n",
                parserNanos / 1e9, (searchableAt - started) / (double) parserNanos);
        System.out.printf("baseline raw INSERT of the same bytes into PostgreSQL:   %.2f s  -> ipdex / INSERT = %.1f x%n",
                insertNanos / 1e9, (searchableAt - started) / (double) insertNanos);

        check(registered, found);
        System.out.printf("target: every spec linted, diffed and searchable within 60 s -> %s%n",
                wall <= 60 && failures.isEmpty() ? "met" : "MISSED");
        failures.stream().limit(20).forEach(failure -> System.out.println("  failed: " + failure));
        if (!failures.isEmpty()) {
            System.out.println("  " + failures.size() + " failure(s)");
            System.exit(1);
        }
    }

    /** The admin key creates the offices and one office key each, as an administrator would on the portal. */
    private Map<String, String> officeKeys() throws Exception {
        Map<String, String> keys = new HashMap<>();
        String[][] offices = {{SAMPLE_OFFICE, "APIs.guru sample (benchmark)", "Nowhere"},
                {"EP", "European Patent Office", "European Patent Organisation"}, {"DE", "DPMA", "Germany"},
                {"US", "USPTO", "United States of America"}};
        for (String[] office : offices) {
            expect(201, "/api/v1/admin/offices", adminKey, """
                    {"code":"%s","name":"%s","country":"%s","contactEmail":"bench@example.org"}"""
                    .formatted(office[0], office[1], office[2]));
            JsonNode issued = expect(201, "/api/v1/admin/apiKeys", adminKey, """
                    {"name":"bench %s","role":"office","officeCode":"%s"}""".formatted(office[0], office[0]));
            keys.put(office[0], issued.path("apiKey").asText());
        }
        return keys;
    }

    /** Each API's last registration: what search must show for it. */
    private static Map<String, Registered> latest(List<Registered> registered) {
        Map<String, Registered> latest = new LinkedHashMap<>();
        registered.forEach(one -> latest.put(one.apiId(), one));
        return latest;
    }

    /** Walks the whole API index through the public search until every API shows its last version's level. */
    private Map<String, JsonNode> awaitSearchable(Map<String, Registered> latest) throws Exception {
        long deadline = System.nanoTime() + SEARCHABLE_WITHIN.toNanos();
        Map<String, JsonNode> found = Map.of();
        while (System.nanoTime() < deadline) {
            found = searchIndex();
            Map<String, JsonNode> hits = found;
            if (latest.values().stream().allMatch(one -> hits.containsKey(one.apiId())
                    && hits.get(one.apiId()).path("st90Level").asText().equals(one.st90Level()))) {
                return found;
            }
            Thread.sleep(100);
        }
        failures.add("after " + SEARCHABLE_WITHIN + " search has " + found.size() + " of " + latest.size() + " APIs");
        return found;
    }

    private Map<String, JsonNode> searchIndex() throws Exception {
        Map<String, JsonNode> hits = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = expect(200, "/api/v1/search/apis?limit=100&sort=title"
                    + (cursor == null ? "" : "&cursor=" + cursor), adminKey, null);
            page.path("items").forEach(hit -> hits.put(hit.path("apiId").asText(), hit));
            cursor = page.path("next").asText(null);
        } while (cursor != null);
        return hits;
    }

    /** Every version has its ST.90 report, every later version its diff, and search agrees with the catalogue. */
    private void check(List<Registered> registered, Map<String, JsonNode> found) throws Exception {
        int linted = 0;
        int diffed = 0;
        int later = 0;
        for (Registered one : registered) {
            String base = "/api/v1/catalog/apis/" + one.apiId();
            JsonNode report = expect(200, base + "/versions/" + one.version() + "/lint", adminKey, null);
            if (report.path("violations").isArray() && one.st90Level() != null) {
                linted++;
            } else {
                failures.add(one.spec().name() + ": no ST.90 report");
            }
            if (one.version() > 1) {
                later++;
                JsonNode diff = expect(200, base + "/diff?from=" + (one.version() - 1) + "&to=" + one.version(),
                        adminKey, null);
                if (diff.hasNonNull("verdict") && one.diffVerdict() != null) {
                    diffed++;
                } else {
                    failures.add(one.spec().name() + ": version " + one.version() + " has no diff verdict");
                }
            }
        }
        int agreeing = 0;
        for (Registered one : latest(registered).values()) {
            JsonNode version = expect(200, "/api/v1/catalog/apis/" + one.apiId() + "/versions/" + one.version(),
                    adminKey, null);
            JsonNode hit = found.get(one.apiId());
            if (hit != null && hit.path("st90Level").asText().equals(one.st90Level())
                    && hit.path("operationCount").asInt() == version.path("operationCount").asInt()) {
                agreeing++;
            } else {
                failures.add(one.spec().name() + ": search shows " + hit + ", the catalogue level " + one.st90Level()
                        + " and " + version.path("operationCount") + " operations");
            }
        }
        System.out.printf("checked through the gateway: %d of %d versions linted, %d of %d later versions diffed, "
                + "%d of %d APIs searchable with the catalogue's ST.90 level and operation count%n", linted,
                registered.size(), diffed, later, agreeing, latest(registered).size());
    }

    private static List<Spec> specs(Path corpus) throws IOException {
        List<Spec> specs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus.resolve("guru"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                specs.add(new Spec(SAMPLE_OFFICE, corpus.relativize(file).toString(), Files.readAllBytes(file),
                        "application/json", "", file));
            }
        }
        Path office = corpus.resolve("openapi");
        Path epo = office.resolve("epo-ops/ops-swagger2.yaml");
        Path dpma = office.resolve("dpma-connect-plus/openapi.yaml");
        specs.add(new Spec("EP", "epo-ops", Files.readAllBytes(epo), "application/yaml", "", epo));
        specs.add(new Spec("DE", "dpma-connect-plus", Files.readAllBytes(dpma), "application/yaml", "", dpma));
        specs.add(new Spec("US", "uspto-odp", zip(office.resolve("uspto-odp")), "application/zip",
                "?main=swagger.yaml", office.resolve("uspto-odp/swagger.yaml")));
        return specs;
    }

    /**
     * swagger-parser alone on the same files: each document's text without resolving (what the catalogue does for
     * one document), the bundle resolved from its folder.
     */
    private static long parserBaseline(List<Spec> specs) {
        long started = System.nanoTime();
        for (Spec spec : specs) {
            boolean bundle = spec.name().equals("uspto-odp");
            ParseOptions options = new ParseOptions();
            options.setResolve(bundle);
            try {
                SwaggerParseResult result = bundle
                        ? new OpenAPIParser().readLocation(spec.parseFrom().toUri().toString(), null, options)
                        : new OpenAPIParser().readContents(new String(spec.body(), StandardCharsets.UTF_8), null,
                        options);
                if (result.getOpenAPI() == null) {
                    System.out.println("  parser baseline: no model for " + spec.name());
                }
            } catch (RuntimeException e) {
                System.out.println("  parser baseline: swagger-parser threw on " + spec.name() + ": "
                        + e.getClass().getSimpleName());
            }
        }
        return System.nanoTime() - started;
    }

    /** A raw INSERT of each spec's bytes into the stack's PostgreSQL, one autocommitted statement per spec. */
    private static long insertBaseline(List<Spec> specs, String jdbc) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_spec");
            statement.execute("CREATE TABLE bench_raw_spec (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, "
                    + "body BYTEA NOT NULL)");
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_raw_spec (name, body) VALUES (?, ?)")) {
                for (Spec spec : specs) {
                    insert.setString(1, spec.name());
                    insert.setBytes(2, spec.body());
                    insert.executeUpdate();
                }
            }
            long took = System.nanoTime() - started;
            statement.execute("DROP TABLE bench_raw_spec");
            return took;
        }
    }

    private JsonNode expect(int status, String path, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key);
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> answer = send(request);
        if (answer.statusCode() != status) {
            throw new IllegalStateException((json == null ? "GET " : "POST ") + path + " answered "
                    + answer.statusCode() + ": " + shorten(answer.body()));
        }
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(gateway + path);
    }

    private static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String shorten(String text) {
        return text.substring(0, Math.min(300, text.length()));
    }
}
