package org.ipdex.cli.server;

import org.ipdex.client.IpdexClient;
import org.ipdex.client.invoker.ApiClient;
import org.ipdex.client.invoker.ApiException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Sends a file as a request body straight from disk, through the typed client's own configured HTTP client (its
 * base URI, key, timeouts and problem handling): the generated operations take a body as a {@code String}, and an
 * authority file or a collection list may be gigabytes. Memory stays constant whatever the file's size.
 *
 * <p>{@code Expect: 100-continue}: the gateway refuses a body over its limit by the declared length before reading
 * it, and with the expectation the client hears that 413 instead of pushing gigabytes into a closed connection.
 */
public final class StreamingUpload {

    private final ApiClient api;
    private final HttpClient http;

    public StreamingUpload(IpdexClient client) {
        this.api = client.apiClient();
        this.http = api.getHttpClient();
    }

    /**
     * @param path     the operation's path under the base URI
     * @param query    its query parameters (null values are left out)
     * @param sent     told the bytes handed to the connection so far, as they go
     * @param answer   the JSON answer's type
     */
    public <T> T post(String path, Map<String, String> query, Path file, String contentType, LongConsumer sent,
                      Class<T> answer) throws IOException, InterruptedException, ApiException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, query))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.fromPublisher(counting(HttpRequest.BodyPublishers.ofFile(file), sent),
                        Files.size(file)));
        if (api.getReadTimeout() != null) {
            request.timeout(api.getReadTimeout());
        }
        if (api.getRequestInterceptor() != null) {
            api.getRequestInterceptor().accept(request);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (api.getResponseInterceptor() != null) {
            // raises a problem document as IpdexProblemException, as for every generated operation
            api.getResponseInterceptor().accept(response);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 400) {
                throw new ApiException(response.statusCode(), "HTTP " + response.statusCode(), response.headers(),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            return api.getObjectMapper().readValue(body, answer);
        }
    }

    private URI uri(String path, Map<String, String> query) {
        String parameters = query.entrySet().stream().filter(entry -> entry.getValue() != null)
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(api.getBaseUri() + path + (parameters.isEmpty() ? "" : "?" + parameters));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The file's publisher, counting each buffer as the connection takes it. */
    private static Flow.Publisher<ByteBuffer> counting(HttpRequest.BodyPublisher file, LongConsumer sent) {
        AtomicLong total = new AtomicLong();
        return subscriber -> file.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
                int size = item.remaining();
                subscriber.onNext(item);
                sent.accept(total.addAndGet(size));
            }

            @Override
            public void onError(Throwable throwable) {
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
    }
}
