package org.ipdex.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Whether the search index holds what PostgreSQL holds, seen from outside through the public API. Every fault test
 * ends with it: {@link #awaitZero} polls {@link #differences} until it finds nothing.
 */
final class Parity {

    private Parity() {
    }

    /**
     * Everything in which search differs from the databases; empty at parity.
     *
     * <p>THE one place to switch to {@code GET /api/v1/admin/parity} once it is merged (branch {@code parity}):
     * until then it compares directly — every API of the catalogue (id, title, last update) with
     * {@code /api/v1/search/apis}, and every office's active authority edition (its records per year and kind in
     * {@code /api/v1/authority/statistics}) with the authority search's statistics.
     */
    static List<String> differences(Client admin) {
        List<String> differences = new ArrayList<>();
        Map<String, String> catalog = pages(admin, "/api/v1/catalog/apis?limit=200", Parity::apiFingerprint);
        Map<String, String> search = pages(admin, "/api/v1/search/apis?sort=title&limit=100", Parity::apiFingerprint);
        catalog.forEach((apiId, fingerprint) -> {
            if (!search.containsKey(apiId)) {
                differences.add("API " + apiId + " is not found by search");
            } else if (!fingerprint.equals(search.get(apiId))) {
                differences.add("API " + apiId + ": catalogue " + fingerprint + ", search " + search.get(apiId));
            }
        });
        search.keySet().stream().filter(apiId -> !catalog.containsKey(apiId))
                .forEach(apiId -> differences.add("API " + apiId + " is found by search but not in the catalogue"));

        Map<String, Map<String, Long>> editions = new TreeMap<>();
        for (JsonNode row : ok(admin, "/api/v1/authority/statistics").get("rows")) {
            editions.computeIfAbsent(row.get("office").asText(), office -> new TreeMap<>())
                    .merge(row.get("year").asInt() + "/" + row.get("kind").asText(), row.get("records").asLong(),
                            Long::sum);
        }
        editions.forEach((office, counts) -> {
            Map<String, Long> indexed = new TreeMap<>();
            JsonNode years = ok(admin, "/api/v1/search/authority?limit=1&office=" + office).path("statistics");
            for (JsonNode year : years) {
                for (JsonNode kind : year.get("kinds")) {
                    indexed.merge(year.get("year").asInt() + "/" + kind.get("value").asText(),
                            kind.get("count").asLong(), Long::sum);
                }
            }
            if (!counts.equals(indexed)) {
                differences.add("Authority " + office + ": records per year/kind " + total(counts) + " in the active "
                        + "edition, " + total(indexed) + " found by search" + (total(counts) == total(indexed)
                        ? " (" + counts + " against " + indexed + ")" : ""));
            }
        });
        return differences;
    }

    /**
     * Polls until there is no difference; fails with the last ones after {@code ipdex.faults.parity-bound} (10 min:
     * a bound to end a hopeless wait, not a target — on a loaded 2-core machine 300,000 records took 185 s to index).
     *
     * @return how long it took
     */
    static Duration awaitZero(Client admin) throws InterruptedException {
        Duration bound = Fixtures.setting("parity-bound", "10m");
        Instant start = Instant.now();
        List<String> last = List.of();
        while (Duration.between(start, Instant.now()).compareTo(bound) < 0) {
            try {
                last = differences(admin);
                if (last.isEmpty()) {
                    return Duration.between(start, Instant.now());
                }
            } catch (AssertionError unanswered) {
                last = List.of(unanswered.getMessage());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No parity within " + bound + ": " + last.size() + " difference(s), the first "
                + last.subList(0, Math.min(10, last.size())));
    }

    /**
     * Title and last update, to the microsecond, which is what PostgreSQL keeps. catalog-service announces the
     * writer's nanoseconds on the feed, so search shows {@code …37.193127431Z} where the catalogue says
     * {@code …37.193127Z} (a defect of its own, see the fault tests' notes); rounded as PostgreSQL rounds, the two
     * agree.
     */
    private static String apiFingerprint(JsonNode api) {
        String updated = api.path("updatedAt").asText("");
        return api.path("title").asText() + " @ " + (updated.isEmpty() ? "?" : micros(Instant.parse(updated)));
    }

    private static Instant micros(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, String> pages(Client admin, String first, Function<JsonNode, String> value) {
        Map<String, String> all = new TreeMap<>();
        String cursor = null;
        do {
            JsonNode page = ok(admin, first + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            for (JsonNode item : page.get("items")) {
                String previous = all.put(item.get("apiId").asText(), value.apply(item));
                if (previous != null) {
                    all.put(item.get("apiId").asText(), "listed twice");
                }
            }
            cursor = page.path("next").isTextual() ? page.get("next").asText() : null;
        } while (Objects.nonNull(cursor));
        return all;
    }

    private static JsonNode ok(Client admin, String path) {
        return admin.ok(admin.get(path), "GET " + path);
    }
}
