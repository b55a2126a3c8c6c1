package org.ipdex.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import org.ipdex.common.feed.ChangeEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory change feed that a test's stub controller serves as NDJSON. Kept outside any application
 * context (one per test class, by name) so that it survives the context being stopped and started again.
 */
public final class StubFeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, StubFeed> FEEDS = new ConcurrentHashMap<>();

    private final List<String> lines = new ArrayList<>();
    private String id = UUID.randomUUID().toString();
    private final List<Long> requestedAfter = new CopyOnWriteArrayList<>();

    public static StubFeed named(String name) {
        return FEEDS.computeIfAbsent(name, n -> new StubFeed());
    }

    /** @return the new event's seq */
    public synchronized long append(String type, String key, long version, Map<String, Object> data) {
        long seq = lines.size() + 1;
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", seq);
        event.put("type", type);
        event.put("key", key);
        event.put("version", version);
        event.put("at", Instant.now().toString());
        event.put("data", data);
        try {
            lines.add(JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return seq;
    }

    public long appendApi(String apiId, String office, String title, String description, long version,
                          List<Map<String, Object>> operations) {
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("apiId", apiId);
        api.put("officeCode", office);
        api.put("title", title);
        api.put("description", description);
        api.put("lifecycle", "production");
        api.put("versionNumber", version);
        api.put("specVersion", "1.0." + version);
        api.put("sourceFormat", "openapi-3.0");
        api.put("updatedAt", Instant.now().toString());
        api.put("operations", operations);
        return append("api.upserted", apiId, version, api);
    }

    /** An {@code api.upserted} event with exactly these fields (newer fields of catalog-service included). */
    public long appendApiDocument(Map<String, Object> api, long version) {
        return append("api.upserted", (String) api.get("apiId"), version, api);
    }

    public static Map<String, Object> operation(String method, String path, String summary) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("method", method);
        operation.put("path", path);
        operation.put("operationId", null);
        operation.put("summary", summary);
        operation.put("description", summary + ", described at length");
        operation.put("tags", List.of("test"));
        return operation;
    }

    public synchronized HttpResponse<String> serve(long after, int limit) {
        requestedAfter.add(after);
        StringBuilder body = new StringBuilder();
        for (int i = (int) after; i < lines.size() && i < after + limit; i++) {
            body.append(lines.get(i)).append('\n');
        }
        return HttpResponse.ok(body.toString()).contentType(ChangeEvent.MEDIA_TYPE)
                .header(ChangeEvent.HEAD_HEADER, Long.toString(lines.size()))
                .header(ChangeEvent.FEED_ID_HEADER, id);
    }

    /** As if the service's database were replaced by a new one: another feed id, and no events yet. */
    public synchronized void replaceByNewFeed() {
        id = UUID.randomUUID().toString();
        lines.clear();
    }

    /** As if the service's database were restored from a backup: the same feed, its first {@code seq} events. */
    public synchronized void restoreUpTo(long seq) {
        lines.subList((int) seq, lines.size()).clear();
    }

    public synchronized String id() {
        return id;
    }

    public List<Long> requestedAfter() {
        return List.copyOf(requestedAfter);
    }

    public void forgetRequests() {
        requestedAfter.clear();
    }
}
