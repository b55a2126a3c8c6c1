package org.ipdex.common.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP answer whose body is still on the wire; closing it closes the connection.
 *
 * @param uri     the URL that answered (after redirects)
 * @param headers lower-case names; the last value wins
 */
public record PinnedResponse(URI uri, int status, Map<String, String> headers, InputStream body, long latencyMillis,
                             Socket socket) implements AutoCloseable {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the answer was read or abandoned; a failing close changes neither
        }
    }
}
