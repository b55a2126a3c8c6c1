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
 * The calls the generated operations cannot make, made through the typed client's own configured HTTP client (its
 * base URI, key, timeouts and problem handling), so there is one HTTP stack:
 * <ul>
 * <li>a file as the request body, straight from disk: the generated operations take a body as a {@code String} (or
 * write a {@code byte[]} as base64 JSON), and an authority file or a collection list may be gigabytes. Memory stays
 * constant whatever the file's size;</li>
 * <li>a JSON answer the document declares as a string (an edition's report), which the generated method fails to
 * read as one.</li>
 * </ul>
 *
 * <p>{@code Expect: 100-continue}: the gateway refuses a body over its limit by the declared length before reading
 * it, and with the expectation the client hears that 413 instead of pushing gigabytes into a closed connection.
 */
public final class DirectCalls {

    private final ApiClient api;
    private final HttpClient http;

    public DirectCalls(IpdexClient client) {
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
        long size = Files.size(file);
        AtomicLong total = new AtomicLong();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, query))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.fromPublisher(counting(HttpRequest.BodyPublishers.ofFile(file),
                        total, sent), size));
        HttpResponse<InputStream> response = send(request);
        if (response.statusCode() >= 400 && total.get() < size) {
            // answered instead of 100 Continue: Java 17's client reports the status but never delivers that answer's
            // body (reading it blocks for good), so the status is all there is to go by
            response.body().close();
            throw new ApiException(response.statusCode(), "HTTP " + response.statusCode() + ", answered before the "
                    + "file was sent", response.headers(), null);
        }
        return read(response, answer);
    }

    /** A GET whose JSON answer is read as {@code answer}. */
    public <T> T get(String path, Class<T> answer) throws IOException, InterruptedException, ApiException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, Map.of())).header("Accept", "application/json")
                .GET();
        return read(send(request), answer);
    }

    /** With the client's timeout and key, as its generated operations send. */
    private HttpResponse<InputStream> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (api.getReadTimeout() != null) {
            request.timeout(api.getReadTimeout());
        }
        if (api.getRequestInterceptor() != null) {
            api.getRequestInterceptor().accept(request);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private <T> T read(HttpResponse<InputStream> response, Class<T> answer) throws IOException, ApiException {
        if (api.getResponseInterceptor() != null) {
            // raises a problem document as IpdexProblemException, as for every generated operation
            api.getResponseInterceptor().accept(response);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 400) {
                throw new ApiException(response.statusCode(), "HTTP " + response.statusCode()
                        + " without a problem document", response.headers(),
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
    private static Flow.Publisher<ByteBuffer> counting(HttpRequest.BodyPublisher file, AtomicLong total,
                                                       LongConsumer sent) {
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
