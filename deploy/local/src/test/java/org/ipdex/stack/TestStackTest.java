package org.ipdex.stack;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestStackTest {

    @Test
    void freshDatabasesAreSeparateAndReal() throws Exception {
        Map<String, String> first = TestStack.freshDatasource("stack");
        Map<String, String> second = TestStack.freshDatasource("stack");
        assertNotEquals(first.get("datasources.default.url"), second.get("datasources.default.url"));
        try (Connection connection = DriverManager.getConnection(first.get("datasources.default.url"),
                EmbeddedDatabase.USER, "")) {
            ResultSet rows = connection.createStatement().executeQuery("SHOW server_version");
            rows.next();
            assertTrue(rows.getString(1).startsWith("15."), rows.getString(1));
        }
    }

    @Test
    void elasticsearchAnswersItsHealthWithTheExpectedVersion() throws Exception {
        String url = TestStack.elasticsearch().url();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        HttpResponse<String> nodes = http.send(HttpRequest.newBuilder(URI.create(url + "/_nodes/_local/http")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(nodes.body().contains("\"version\":\"" + Distribution.version() + "\""), nodes.body());
    }
}
