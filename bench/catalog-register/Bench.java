import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
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
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The catalog registration benchmark driver, run by run.sh as a single source file:
 * <pre>
 * java -cp local-stack.jar Bench.java postgres DATA_DIR              # PostgreSQL; prints "port N"; runs until killed
 * java -cp catalog-service.jar Bench.java run URL SECRET SPECS BASELINE_JDBC CATALOG_JDBC
 *                                                      # baselines, then every spec through the API, then checks
 * </pre>
 * It talks to catalog-service directly with an identity token minted the way the gateway mints them (HS256 with
 * the shared secret), so the figures are the catalogue's own, without the gateway hop.
 */
public class Bench {

    /** One spec to register: who owns it and how it is sent. */
    record Spec(String office, String name, byte[] body, String contentType, Path parseFrom) {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "postgres" -> postgres(Path.of(args[1]));
            case "run" -> {
                run(args[1], args[2], Path.of(args[3]), args[4]);
                stored(args[5]);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void postgres(Path data) throws Exception {
        Class<?> type = Class.forName("org.ipdex.stack.EmbeddedDatabase");
        Object database = type.getMethod("start", Path.class, int.class).invoke(null, data, 0);
        for (String name : List.of("catalog", "baseline")) {
            type.getMethod("createDatabaseIfMissing", String.class).invoke(database, name);
        }
        System.out.println("port " + type.getMethod("port").invoke(database));
        System.out.flush();
        Method close = type.getMethod("close");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                close.invoke(database);
            } catch (ReflectiveOperationException ignored) {
                // the JVM is going away
            }
        }));
        Thread.currentThread().join();
    }

    private static void run(String url, String secret, Path specs, String baselineJdbc) throws Exception {
        List<Spec> all = specs(specs);
        System.out.printf("specs: %d (%d APIs.guru Swagger 2.0 + office corpus: EPO OPS, DPMA, USPTO ODP bundle)%n",
                all.size(), all.size() - 3);

        long parserNanos = parserBaseline(all);
        long insertNanos = insertBaseline(all, baselineJdbc);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> perSpec = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (Spec spec : all) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/catalog/apis"))
                    .timeout(Duration.ofMinutes(2)).header("Content-Type", spec.contentType())
                    .header("Authorization", "Bearer " + token(secret, spec.office()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(spec.body())).build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            perSpec.add(System.nanoTime() - t0);
            String outcome = response.statusCode() == 201 || response.statusCode() == 200
                    ? field(response.body(), "outcome") : "HTTP " + response.statusCode();
            outcomes.merge(outcome, 1, Integer::sum);
            if (response.statusCode() >= 300) {
                failures.add(spec.name() + ": " + response.body().substring(0, Math.min(300, response.body().length())));
            }
        }
        long total = System.nanoTime() - started;

        Collections.sort(perSpec);
        double wall = total / 1e9;
        System.out.printf("%nipdex registration (parse, vet, lint, diff, store, feed, audit), one client, sequential:%n");
        System.out.printf("  total %.2f s   median %.1f ms   p90 %.1f ms   max %.1f ms   outcomes %s%n", wall,
                perSpec.get(perSpec.size() / 2) / 1e6, perSpec.get(perSpec.size() * 9 / 10) / 1e6,
                perSpec.get(perSpec.size() - 1) / 1e6, outcomes);
        System.out.printf("baseline swagger-parser alone (same files, in this JVM): %.2f s  -> ipdex / parser = %.1f x%n",
                parserNanos / 1e9, total / (double) parserNanos);
        System.out.printf("baseline raw INSERT of the same bytes into PostgreSQL:   %.2f s  -> ipdex / INSERT = %.1f x%n",
                insertNanos / 1e9, total / (double) insertNanos);
        System.out.printf("target: all specs in <= 60 s -> %s%n", wall <= 60 ? "met" : "MISSED");
        failures.forEach(failure -> System.out.println("  failed: " + failure));
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }

    /** What the catalogue holds afterwards: every version linted, every registration in the change feed. */
    private static void stored(String jdbc) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "");
             Statement statement = connection.createStatement()) {
            String[] queries = {"SELECT count(*) FROM api", "SELECT count(*) FROM api_version",
                    "SELECT count(*) FROM api_version WHERE st90_score IS NOT NULL",
                    "SELECT count(*) FROM api_version WHERE diff_verdict IS NOT NULL",
                    "SELECT count(*) FROM change_feed WHERE type = 'api.upserted'"};
            long[] counts = new long[queries.length];
            for (int i = 0; i < queries.length; i++) {
                try (var rows = statement.executeQuery(queries[i])) {
                    rows.next();
                    counts[i] = rows.getLong(1);
                }
            }
            System.out.printf("stored: %d APIs, %d versions, %d with an ST.90 score, %d diffed against a previous "
                    + "version, %d api.upserted feed events for search%n", counts[0], counts[1], counts[2], counts[3],
                    counts[4]);
        }
    }

    private static List<Spec> specs(Path corpus) throws IOException {
        List<Spec> specs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus.resolve("guru"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                specs.add(new Spec("XX", corpus.relativize(file).toString(), Files.readAllBytes(file),
                        "application/json", file));
            }
        }
        Path office = corpus.resolve("openapi");
        Path epo = office.resolve("epo-ops/ops-swagger2.yaml");
        Path dpma = office.resolve("dpma-connect-plus/openapi.yaml");
        specs.add(new Spec("EP", "epo-ops", Files.readAllBytes(epo), "application/yaml", epo));
        specs.add(new Spec("DE", "dpma-connect-plus", Files.readAllBytes(dpma), "application/yaml", dpma));
        specs.add(new Spec("US", "uspto-odp", zip(office.resolve("uspto-odp")), "application/zip",
                office.resolve("uspto-odp/swagger.yaml")));
        return specs;
    }

    /**
     * swagger-parser alone on the same files: each document's text without resolving (what the catalogue does for
     * one document), the bundle resolved from its folder. Reflection, because this file is compiled against the JDK
     * only and finds swagger-parser on the service jar's class path.
     */
    private static long parserBaseline(List<Spec> specs) throws Exception {
        Class<?> optionsType = Class.forName("io.swagger.v3.parser.core.models.ParseOptions");
        Class<?> parserType = Class.forName("io.swagger.parser.OpenAPIParser");
        Method readLocation = parserType.getMethod("readLocation", String.class, List.class, optionsType);
        Method readContents = parserType.getMethod("readContents", String.class, List.class, optionsType);
        long started = System.nanoTime();
        for (Spec spec : specs) {
            boolean bundle = spec.name().equals("uspto-odp");
            Object options = optionsType.getConstructor().newInstance();
            optionsType.getMethod("setResolve", boolean.class).invoke(options, bundle);
            try {
                Object parser = parserType.getConstructor().newInstance();
                Object result = bundle ? readLocation.invoke(parser, spec.parseFrom().toUri().toString(), null, options)
                        : readContents.invoke(parser, new String(spec.body(), StandardCharsets.UTF_8), null, options);
                if (result.getClass().getMethod("getOpenAPI").invoke(result) == null) {
                    System.out.println("  parser baseline: no model for " + spec.name());
                }
            } catch (java.lang.reflect.InvocationTargetException e) {
                System.out.println("  parser baseline: swagger-parser threw on " + spec.name() + ": "
                        + e.getCause().getClass().getSimpleName());
            }
        }
        return System.nanoTime() - started;
    }

    private static long insertBaseline(List<Spec> specs, String jdbc) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS raw_spec");
                statement.execute("CREATE TABLE raw_spec (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, "
                        + "body BYTEA NOT NULL)");
            }
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO raw_spec (name, body) VALUES (?, ?)")) {
                for (Spec spec : specs) { // one autocommitted statement per spec, like one request per spec
                    insert.setString(1, spec.name());
                    insert.setBytes(2, spec.body());
                    insert.executeUpdate();
                }
            }
            return System.nanoTime() - started;
        }
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

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        return at < 0 ? "?" : json.substring(at + name.length() + 4, json.indexOf('"', at + name.length() + 4));
    }

    /** The claims the gateway puts in a forwarded identity token (see org.ipdex.common.identity.Identity). */
    static String token(String secret, String office) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"sub\":\"bench-" + office + "\",\"roles\":[\"office\"],\"office\":\"" + office
                + "\",\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + (now + 7200) + "}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
