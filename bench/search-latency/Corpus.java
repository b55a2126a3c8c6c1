import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Puts the data in: the offices' specs through the gateway, the authority records straight into an edition index. */
final class Corpus {

    private static final List<String> OFFICE_JSON = List.of(
            "{\"code\":\"EP\",\"name\":\"European Patent Office\",\"country\":\"EP\",\"contactEmail\":\"patentdata@epo.org\"}",
            "{\"code\":\"US\",\"name\":\"United States Patent and Trademark Office\",\"country\":\"US\",\"contactEmail\":\"data@uspto.gov\"}",
            "{\"code\":\"DE\",\"name\":\"Deutsches Patent- und Markenamt\",\"country\":\"DE\",\"contactEmail\":\"datenabgabe@dpma.de\"}",
            "{\"code\":\"XX\",\"name\":\"APIs.guru sample (benchmark)\",\"country\":\"Nowhere\",\"contactEmail\":\"bench@example.org\"}");

    private Corpus() {
    }

    /**
     * The whole corpus, as bench/catalog-register registers it: the APIs.guru sample (under a test office), the
     * EPO and DPMA specs, and the USPTO bundle as one zip.
     *
     * @return how many specs were registered
     */
    static int register(String gateway, String adminKey, Path corpus, Path work) throws Exception {
        for (String office : OFFICE_JSON) {
            HttpResponse<String> answer = post(gateway + "/api/v1/admin/offices", adminKey, "application/json",
                    HttpRequest.BodyPublishers.ofString(office));
            if (answer.statusCode() != 201 && answer.statusCode() != 409) {
                throw new IllegalStateException("office: " + answer.statusCode() + " " + answer.body());
            }
        }
        Path guru = work.resolve("guru");
        Files.createDirectories(guru);
        if (new ProcessBuilder("tar", "xzf", corpus.resolve("apis-guru-sample.tar.gz").toString(), "-C",
                guru.toString()).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("cannot unpack the APIs.guru sample");
        }
        int registered = 0;
        try (Stream<Path> files = Files.walk(guru)) {
            for (Path spec : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                registered += register(gateway, adminKey, "XX", "application/json", "",
                        HttpRequest.BodyPublishers.ofFile(spec), spec);
            }
        }
        registered += register(gateway, adminKey, "EP", "application/yaml", "",
                HttpRequest.BodyPublishers.ofFile(corpus.resolve("epo-ops/ops-swagger2.yaml")), corpus);
        registered += register(gateway, adminKey, "DE", "application/yaml", "",
                HttpRequest.BodyPublishers.ofFile(corpus.resolve("dpma-connect-plus/openapi.yaml")), corpus);
        registered += register(gateway, adminKey, "US", "application/zip", "&main=swagger.yaml",
                HttpRequest.BodyPublishers.ofByteArray(zip(corpus.resolve("uspto-odp"))), corpus);
        SearchLatencyBench.log(registered + " specs registered");
        return registered;
    }

    private static int register(String gateway, String adminKey, String office, String type, String query,
                                HttpRequest.BodyPublisher body, Path from) throws Exception {
        HttpResponse<String> answer = post(gateway + "/api/v1/catalog/apis?office=" + office + query, adminKey, type,
                body);
        if (answer.statusCode() == 201 || answer.statusCode() == 200) {
            return 1;
        }
        SearchLatencyBench.log("not registered: " + from.getFileName() + " (" + answer.statusCode() + ")");
        return 0;
    }

    private static byte[] zip(Path folder) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out);
             Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file.getFileName().toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Until search-service's catalog consumer has applied the whole feed and the APIs are searchable. */
    static void awaitIndexed(String search, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        java.util.regex.Pattern caughtUp = java.util.regex.Pattern.compile(
                "\"catalog\":\\{[^}]*\"checkpoint\":[1-9][0-9]*,[^}]*\"eventsBehind\":0[,}]");
        while (System.nanoTime() < deadline) {
            HttpResponse<String> health = Http.CLIENT.send(LoadGenerator.get(search + "/health", null),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> page = Http.CLIENT.send(LoadGenerator.get(search + "/api/v1/search/apis?limit=100",
                    token), HttpResponse.BodyHandlers.ofString());
            if (caughtUp.matcher(health.body()).find() && page.statusCode() == 200 && page.body().contains("apiId")) {
                SearchLatencyBench.log("search-service has indexed " + (page.body().split("\"apiId\"").length - 1)
                        + " APIs");
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("search-service did not index the corpus within 180 s");
    }

    /** The documents search-service writes for an edition, bulk-loaded the way it does, behind its aliases. */
    static void loadAuthority(String es, Path repository, Path work, long records) throws Exception {
        String index = "authority-ep-e1";
        Http.ok("PUT", es + "/" + index, Files.readString(repository.resolve(
                "search-service/src/main/resources/index/authority-v1.json")));
        Http.ok("PUT", es + "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\"-1\","
                + "\"auto_expand_replicas\":\"false\",\"number_of_replicas\":0,\"translog\":{\"durability\":\"async\"}}}");
        Path bulk = work.resolve("bulk");
        AuthorityData.writeBulkBatches(bulk, "EP", 0, records, 10_000);
        File[] files = bulk.toFile().listFiles();
        java.util.Arrays.sort(files);
        for (File file : files) {
            HttpResponse<String> answer = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(es + "/" + index
                    + "/_bulk?filter_path=errors")).header("Content-Type", "application/x-ndjson")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofFile(file.toPath())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().contains("false")) {
                throw new IllegalStateException("bulk: " + answer.statusCode() + " " + answer.body());
            }
            Files.delete(file.toPath());
        }
        Http.ok("PUT", es + "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\"1s\","
                + "\"auto_expand_replicas\":\"0-1\",\"translog\":{\"durability\":\"request\"}}}");
        Http.ok("POST", es + "/" + index + "/_refresh", null);
        Http.ok("POST", es + "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + index + "\",\"alias\":\"authority-ep\"}},"
                + "{\"add\":{\"index\":\"" + index + "\",\"alias\":\"authority\"}}]}");
        awaitMergesDone(es);
    }

    /**
     * After a bulk load Elasticsearch merges segments in the background for a while, using the cores the searches
     * need; the figures are about the steady state, so the rounds start when no merge is running.
     */
    private static void awaitMergesDone(String es) throws Exception {
        int quiet = 0;
        while (quiet < 3) {
            String stats = Http.ok("GET", es + "/_stats/merge?filter_path=_all.total.merges.current", null);
            quiet = stats.contains("\"current\":0") ? quiet + 1 : 0;
            Thread.sleep(1000);
        }
    }

    private static HttpResponse<String> post(String url, String key, String type, HttpRequest.BodyPublisher body)
            throws Exception {
        return Http.CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key).header("Content-Type", type).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
