package org.ipdex.catalog.webhook;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.common.identity.IdentityTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * authority-service's change feed over HTTP with this service's token, as search-service reads it: the architecture
 * lets no service read another's tables. The URL is configuration ({@code authority-feed-url}), never a
 * subscriber's, so it needs no SSRF policy.
 */
@Singleton
class AuthorityFeedSource implements FeedSource {

    private final HttpClient http;
    private final JsonMapper json;
    private final IdentityTokens tokens;
    private final WebhookProperties properties;

    AuthorityFeedSource(JsonMapper json, IdentityTokens tokens, WebhookProperties properties) {
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        this.json = json;
        this.tokens = tokens;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "authority";
    }

    @Override
    public Page read(long after, int limit) throws IOException {
        URI uri = properties.authorityFeedUrl().resolve("/internal/v1/changes?after=" + after + "&limit=" + limit);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Accept", ChangeEvent.MEDIA_TYPE)
                .header("Authorization", "Bearer " + tokens.forThisService()).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        List<ChangeEvent> events = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank()) {
                events.add(json.readValue(line, ChangeEvent.class));
            }
        }
        long last = events.isEmpty() ? after : events.get(events.size() - 1).seq();
        return new Page(events, response.headers().firstValue(ChangeEvent.FEED_ID_HEADER).orElse(""), last);
    }
}
