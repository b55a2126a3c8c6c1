package org.ipdex.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A caller of the public API through the gateway, as any client would be, that never throws for a failed call: a
 * fault test records what each call answered, the broken connection included.
 */
final class Client {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than any gateway timeout (10 s): a call that takes longer hangs, which is a finding. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String apiKey;

    Client(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /**
     * @param status  0 when no answer came (connection refused, reset, timed out): see {@code failure}
     * @param elapsed from sending to the answer or the failure
     */
    record Answer(int status, String contentType, String body, Optional<String> failure, Duration elapsed) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status == 0 ? "no answer after " + elapsed.toMillis() + " ms: " + failure.orElse("?")
                    : status + " " + contentType + " after " + elapsed.toMillis() + " ms: "
                    + body.substring(0, Math.min(300, body.length()));
        }
    }

    String base() {
        return base;
    }

    String apiKey() {
        return apiKey;
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            return new Answer(0, "", "", Optional.of(e.toString()), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return request(path, CALL_TIMEOUT);
    }

    HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
    }

    /** The answer, which must be 2xx. */
    JsonNode ok(Answer answer, String what) {
        if (!answer.ok()) {
            throw new AssertionError(what + ": " + answer);
        }
        return answer.json();
    }
}
