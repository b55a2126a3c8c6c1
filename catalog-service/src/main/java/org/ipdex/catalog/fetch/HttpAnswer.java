package org.ipdex.catalog.fetch;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP answer.
 *
 * @param uri     the URL that answered (after redirects)
 * @param headers lower-case names; the last value wins
 */
public record HttpAnswer(URI uri, int status, Map<String, String> headers, byte[] body, long latencyMillis) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
