package org.ipdex.catalog.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.Problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the catalog tests share: tokens, the HTTP calls, row counts and resources. */
public final class CatalogHarness {

    public static final String APIS = "/api/v1/catalog/apis";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final List<String> TABLES = List.of("api", "api_version", "change_feed", "audit_entry");

    private final HttpClient client;
    private final IdentityTokens tokens;
    private final Map<String, String> database;

    /** @param properties the test's service properties, to reach its database directly */
    public CatalogHarness(HttpClient client, IdentityTokens tokens, Map<String, String> properties) {
        this.client = client;
        this.tokens = tokens;
        this.database = properties;
    }

    public String office(String code) {
        return tokens.issue(new Identity("office-" + code, Set.of(Roles.OFFICE), Optional.of(code)));
    }

    public String admin() {
        return tokens.issue(new Identity("admin", Set.of(Roles.ADMIN), Optional.empty()));
    }

    public String anonymous() {
        return tokens.issue(Identity.anonymous());
    }

    public <T> HttpResponse<T> exchange(MutableHttpRequest<?> request, Class<T> type) {
        return client.toBlocking().exchange(request, Argument.of(type), Argument.of(Problem.class));
    }

    /** Sends a request that must fail; returns its problem document after checking status and media type. */
    public Problem problem(MutableHttpRequest<?> request, int status) {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(String.class), Argument.of(Problem.class)));
        assertEquals(status, refused.getStatus().getCode(), () -> refused.getResponse().getBody(String.class)
                .orElse(refused.getMessage()));
        assertEquals(Problem.MEDIA_TYPE, refused.getResponse().getContentType().orElseThrow().toString());
        return refused.getResponse().getBody(Problem.class).orElseThrow();
    }

    public MutableHttpRequest<byte[]> upload(byte[] body, String contentType, String token) {
        return HttpRequest.POST(APIS, body).contentType(contentType).bearerAuth(token);
    }

    /** {@code POST /apis/{apiId}/versions}: the only way to add a version to an existing API. */
    public MutableHttpRequest<byte[]> newVersion(String apiId, byte[] body, String contentType, String token) {
        return HttpRequest.POST(APIS + "/" + apiId + "/versions", body).contentType(contentType).bearerAuth(token);
    }

    public String get(String path, String token) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token));
    }

    public String feed() {
        return client.toBlocking().retrieve(HttpRequest.GET("/internal/v1/changes?after=0")
                .bearerAuth(tokens.forThisService()));
    }

    /** The {@code api.upserted} events of one API (the documents search indexes), oldest first, as JSON trees. */
    public List<com.fasterxml.jackson.databind.JsonNode> feedEvents(String apiId) {
        return feedEvents(apiId, "api.upserted");
    }

    /** The change-feed events of one type about one API, oldest first, as JSON trees. */
    public List<com.fasterxml.jackson.databind.JsonNode> feedEvents(String apiId, String type) {
        List<com.fasterxml.jackson.databind.JsonNode> events = new java.util.ArrayList<>();
        for (String line : feed().strip().split("\n")) {
            try {
                com.fasterxml.jackson.databind.JsonNode event = JSON.readTree(line);
                if (apiId.equals(event.path("key").asText()) && type.equals(event.path("type").asText())) {
                    events.add(event);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }

    public static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of every table a registration writes to: a refused upload must leave all of them as they were. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** A plain JDBC connection to the test's database, outside the application's transactions. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(database.get("datasources.default.url"),
                database.get("datasources.default.username"), database.get("datasources.default.password"));
    }

    /** The one text value a query returns. */
    public String text(String sql) {
        try (Connection connection = connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql) {
        try (Connection connection = connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] resource(String name) {
        try (InputStream in = CatalogHarness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final List<String> USPTO_FILES = List.of("oa-citations.yaml", "oa-enriched-citations.yaml",
            "oa-rejections.yaml", "oa-text-retrieval.yaml", "odp-common-base.yaml", "swagger.yaml",
            "trial-appeal-decisions.yaml", "trial-common.yaml", "trial-decisions.yaml", "trial-documents.yaml",
            "trial-interferences.yaml", "trial-proceedings.yaml", "LICENSE");

    /** The USPTO ODP corpus as an office would zip its folder (LICENSE included). */
    public static byte[] usptoZip() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        USPTO_FILES.forEach(name -> files.put("uspto-odp/" + name, resource("/specs/uspto-odp/" + name)));
        return zip(files);
    }

    public static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
