package org.ipdex.gateway.route;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.common.problem.UnavailableException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Reads the gateway makes on its own account (a composed answer, a page's policy) rather than forwarding a caller's
 * request: with the caller's identity in a fresh token, the backend's timeout and its circuit breaker, like the
 * forwarder. A backend that cannot answer, or answers with an error, becomes a 503 problem: the gateway asked on its
 * own account, so the caller has nothing to correct.
 */
@Singleton
public class BackendReads {

    private final HttpClient client;
    private final Backends backends;
    private final IdentityTokens tokens;

    BackendReads(HttpClient client, Backends backends, IdentityTokens tokens) {
        this.client = client;
        this.backends = backends;
        this.tokens = tokens;
    }

    /** GET {@code path} (already encoded) from the named backend as JSON. */
    public Mono<JsonNode> json(String backendName, String path, Identity identity) {
        Backend backend = backends.find(backendName)
                .orElseThrow(() -> new IllegalStateException("No backend " + backendName));
        CircuitBreaker breaker = backend.breaker();
        if (!breaker.allowsRequest()) {
            return Mono.error(new UnavailableException("The " + backendName + " service failed repeatedly and is "
                    + "given a rest; retry shortly"));
        }
        Duration timeout = backend.timeoutFor(HttpMethod.GET);
        URI uri = URI.create(backend.url().toString().replaceAll("/$", "") + path);
        HttpRequest<?> request = HttpRequest.GET(uri).accept(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(tokens.issue(identity));
        return Mono.from(client.retrieve(request, JsonNode.class))
                .timeout(timeout)
                .doOnNext(answer -> breaker.recordSuccess())
                .onErrorMap(error -> error instanceof TimeoutException
                        || (error instanceof HttpClientException && !(error instanceof HttpClientResponseException)),
                        error -> {
                            breaker.recordFailure();
                            return new UnavailableException("The " + backendName + " service "
                                    + (error instanceof TimeoutException ? "did not answer within "
                                    + timeout.toMillis() + " ms" : "is unreachable"));
                        })
                .onErrorMap(HttpClientResponseException.class, answered -> new UnavailableException(
                        "The " + backendName + " service answered " + answered.code()));
    }
}
