package org.ipdex.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.ipdex.stack.LocalStack;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** What the browser test classes set up alike: an office and its key, waiting until search shows a new API, closing. */
final class PortalFixture {

    private PortalFixture() {
    }

    /** A new office (its code must be free: one stack serves every test class of a run). */
    static void createOffice(Http gateway, LocalStack stack, String code, String name) {
        Http.Answer created = gateway.post("/api/v1/admin/offices", stack.adminKey(), "application/json",
                "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"country\":\"" + code
                        + "\",\"contactEmail\":\"data@" + code.toLowerCase() + ".example\"}");
        assertEquals(201, created.status(), created.body());
    }

    /** Closes what a test class opened, in order, skipping what never opened. */
    static void close(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    static String issueKey(Http gateway, LocalStack stack, String office) {
        Http.Answer created = gateway.post("/api/v1/admin/apiKeys", stack.adminKey(), "application/json",
                "{\"name\":\"browser test " + office + "\",\"role\":\"office\",\"officeCode\":\"" + office + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("apiKey").asText();
    }

    static void awaitSearchHit(Http gateway, String path, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            Http.Answer answer = gateway.get(path, null);
            if (answer.status() == 200) {
                for (JsonNode item : answer.json().get("items")) {
                    if (id.equals(item.path("apiId").asText())) {
                        return;
                    }
                }
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        fail("Search never found " + id + " at " + path);
    }
}
