package org.ipdex.search.consume;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.json.JsonMapper;
import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.common.identity.IdentityTokens;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pages of one service's change feed, with this service's own identity token: the only calls that carry
 * it, so it can never reach any other host.
 */
final class FeedClient implements AutoCloseable {

    private final HttpClient http;
    private final JsonMapper json;
    private final IdentityTokens tokens;

    FeedClient(HttpClient http, JsonMapper json, IdentityTokens tokens) {
        this.http = http;
        this.json = json;
        this.tokens = tokens;
    }

    /** Any failure (refused, 404 of a service that has no feed yet, 5xx) is thrown: the caller backs off. */
    FeedPage read(long after, int limit) throws IOException {
        String uri = UriBuilder.of("/internal/v1/changes").queryParam("after", after).queryParam("limit", limit)
                .toString();
        HttpResponse<String> response = http.toBlocking().exchange(
                HttpRequest.GET(uri).accept(ChangeEvent.MEDIA_TYPE).bearerAuth(tokens.forThisService()), String.class);
        List<ChangeEvent> events = new ArrayList<>();
        String body = response.getBody().orElse("");
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                events.add(json.readValue(line, ChangeEvent.class));
            }
        }
        long last = events.isEmpty() ? after : events.get(events.size() - 1).seq();
        // as sent: a head below `after` is how a feed that was restored to an earlier state shows itself
        long head = response.getHeaders().get(ChangeEvent.HEAD_HEADER, Long.class).orElse(last);
        return new FeedPage(events, head, response.getHeaders().get(ChangeEvent.FEED_ID_HEADER));
    }

    @Override
    public void close() {
        http.close();
    }
}
