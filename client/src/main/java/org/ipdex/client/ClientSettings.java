package org.ipdex.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the gateway is and who calls it.
 *
 * @param server  the gateway's base URL ({@code http://127.0.0.1:8080}); every path of the API is under it
 * @param apiKey  the API key, sent as {@code Authorization: Bearer <key>}; empty calls anonymously (reads only)
 * @param timeout how long one request may take to be answered; an authority upload with {@code wait=true} waits for
 *                the whole ingest, so give it minutes
 */
public record ClientSettings(URI server, Optional<String> apiKey, Duration timeout) {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public ClientSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
        if (server.getScheme() == null || !server.getScheme().matches("https?")) {
            throw new IllegalArgumentException("The server must be an http or https URL, not " + server);
        }
        apiKey = apiKey.map(String::strip).filter(key -> !key.isEmpty());
    }

    /** An anonymous caller of the gateway at this URL, with a 60 s timeout. */
    public static ClientSettings of(String server) {
        return new ClientSettings(URI.create(server), Optional.empty(), DEFAULT_TIMEOUT);
    }

    public ClientSettings withApiKey(String key) {
        return new ClientSettings(server, Optional.ofNullable(key), timeout);
    }

    public ClientSettings withTimeout(Duration newTimeout) {
        return new ClientSettings(server, apiKey, newTimeout);
    }

    /** The base URL without a trailing slash: the generated paths all begin with one. */
    String baseUri() {
        return server.toString().replaceAll("/+$", "");
    }
}
