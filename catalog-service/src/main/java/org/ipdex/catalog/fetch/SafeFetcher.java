package org.ipdex.catalog.fetch;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.ipdex.common.fetch.AddressPolicy;
import org.ipdex.common.fetch.FetchException;
import org.ipdex.common.fetch.HostResolver;
import org.ipdex.common.fetch.PinnedResponse;
import org.ipdex.common.fetch.SafeHttp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Fetches a URL for the catalogue — a spec source or an endpoint probe — through the shared {@link SafeHttp}:
 * public addresses only unless listed in {@code ipdex.catalog.fetch.allow}, every redirect hop checked and
 * connected to the address that was checked; the body is capped while it is read.
 */
@Singleton
public class SafeFetcher {

    private static final int PROBE_BYTES = 16 * 1024;

    private final SafeHttp http;

    public SafeFetcher(@Value("${ipdex.catalog.fetch.allow:}") List<String> allow, HostResolver resolver,
                       @Value("${ipdex.catalog.fetch.timeout:10s}") Duration timeout) {
        this.http = new SafeHttp(new AddressPolicy(allow, resolver), timeout, "ipdex-catalog");
    }

    /** A spec: the whole body, or {@link FetchException.Kind#TOO_LARGE} past {@code maxBytes}. */
    public HttpAnswer fetch(URI uri, long maxBytes) {
        return read(uri, maxBytes, false);
    }

    /** A liveness probe: status and latency matter, the body is cut short. */
    public HttpAnswer probe(URI uri) {
        return read(uri, PROBE_BYTES, true);
    }

    private HttpAnswer read(URI uri, long maxBytes, boolean truncate) {
        try (PinnedResponse answer = http.get(uri)) {
            return new HttpAnswer(answer.uri(), answer.status(), answer.headers(),
                    capped(answer.body(), maxBytes, truncate), answer.latencyMillis());
        } catch (IOException e) {
            throw new FetchException(uri + ": " + e.getMessage(), e);
        }
    }

    private static byte[] capped(InputStream body, long maxBytes, boolean truncate) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            long room = maxBytes - out.size();
            if (n > room) {
                if (!truncate) {
                    throw new FetchException(FetchException.Kind.TOO_LARGE, "the body is longer than " + maxBytes
                            + " bytes");
                }
                out.write(buffer, 0, (int) room);
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
