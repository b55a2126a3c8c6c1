package org.ipdex.gateway.docs;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import org.ipdex.gateway.route.Backend;
import org.ipdex.gateway.route.Backends;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** Fetches every backend's own OpenAPI document (all at once, each with a timeout) plus the gateway's own. */
@Singleton
class SourceDocuments {

    static final String GATEWAY = "gateway";
    /** Where micronaut-openapi puts the gateway's own document (the admin API) on its class path. */
    static final String OWN_DOCUMENT = "META-INF/swagger/ipdex-gateway-1.yml";

    private final HttpClient client;
    private final Backends backends;
    private final DocsProperties properties;
    private final ResourceResolver resources;

    SourceDocuments(HttpClient client, Backends backends, DocsProperties properties, ResourceResolver resources) {
        this.client = client;
        this.backends = backends;
        this.properties = properties;
        this.resources = resources;
    }

    /** Blocking: one document per configured backend in name order, then the gateway's. */
    List<SourceDocument> fetchAll() {
        List<SourceDocument> documents = new ArrayList<>(Flux.fromIterable(properties.sources().entrySet())
                .flatMap(this::fetch)
                .collectSortedList(Comparator.comparing(SourceDocument::name))
                .block());
        documents.add(own());
        return documents;
    }

    private Mono<SourceDocument> fetch(Map.Entry<String, String> source) {
        String name = source.getKey();
        Backend backend = backends.find(name).orElse(null);
        if (backend == null) {
            return Mono.just(SourceDocument.missing(name, "no backend '" + name + "' is configured"));
        }
        URI uri = URI.create(backend.url().toString().replaceAll("/$", "") + source.getValue());
        return Mono.from(client.retrieve(HttpRequest.GET(uri), String.class))
                .timeout(properties.fetchTimeout())
                .map(text -> SourceDocument.of(name, text))
                .onErrorResume(error -> Mono.just(SourceDocument.missing(name, describe(error))));
    }

    private SourceDocument own() {
        try (InputStream in = resources.getResourceAsStream("classpath:" + properties.ownDocument()).orElseThrow(
                () -> new IllegalStateException("the gateway's generated document " + properties.ownDocument()
                        + " is not on the class path"))) {
            return SourceDocument.of(GATEWAY, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String describe(Throwable error) {
        if (error instanceof HttpClientResponseException answered) {
            return "answered " + answered.code();
        }
        if (error instanceof TimeoutException) {
            return "no answer within " + properties.fetchTimeout().toMillis() + " ms";
        }
        return "unreachable";
    }
}
