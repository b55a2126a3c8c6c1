package org.ipdex.authority.ingest;

import jakarta.inject.Singleton;
import org.ipdex.common.fetch.AddressPolicy;
import org.ipdex.common.fetch.FetchException;
import org.ipdex.common.fetch.HostResolver;
import org.ipdex.common.fetch.PinnedResponse;
import org.ipdex.common.fetch.SafeHttp;
import org.ipdex.common.problem.InvalidInputException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Fetches an authority file from a URL an office gave, through the shared SSRF-safe {@link SafeHttp} (the same
 * policy as the catalogue's: public addresses only, every redirect hop checked, the connection pinned to the
 * checked address) and streams it into the spool. Hosts, addresses or CIDR blocks on the administrator's
 * allow-list ({@code ipdex.ingest.allowed-source-hosts}) are exempt, for an office's intranet mirror in a private
 * deployment.
 */
@Singleton
public final class SourceFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final SafeHttp http;
    private final UploadSpool spool;

    public SourceFetcher(IngestProperties properties, HostResolver resolver, UploadSpool spool) {
        this.http = new SafeHttp(new AddressPolicy(properties.allowedHosts(), resolver), TIMEOUT, "ipdex-authority");
        this.spool = spool;
    }

    public SpooledFile fetch(String url) throws IOException {
        try (PinnedResponse answer = http.get(parse(url))) {
            if (answer.status() != 200) {
                throw InvalidInputException.parameter("sourceUrl", answer.uri() + " answered HTTP " + answer.status());
            }
            return spool.receive(answer.body());
        } catch (FetchException e) {
            throw InvalidInputException.parameter("sourceUrl", (e.refused() ? "refused: " : "could not be fetched: ")
                    + e.getMessage());
        }
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw InvalidInputException.parameter("sourceUrl", "not a URL: " + e.getMessage());
        }
    }
}
