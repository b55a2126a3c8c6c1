package org.ipdex.authority.ingest;

import jakarta.inject.Singleton;
import org.ipdex.common.problem.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Fetches an authority file from a URL an office gave, SSRF-safe: http(s) only, and every address the host
 * resolves to must be public — not loopback, private, link-local (cloud metadata), unique-local, CGNAT or
 * multicast — at the first request and after every redirect (followed by hand, at most five). Hosts on the
 * administrator's allow-list ({@code ipdex.ingest.allowed-source-hosts}) are exempt, for an office's intranet
 * mirror in a private deployment.
 */
@Singleton
public final class SourceFetcher {

    private static final int MAX_REDIRECTS = 5;

    private final IngestProperties properties;
    private final UploadSpool spool;

    public SourceFetcher(IngestProperties properties, UploadSpool spool) {
        this.properties = properties;
        this.spool = spool;
    }

    public SpooledFile fetch(String url) throws IOException {
        URI current = parse(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            requirePublic(current);
            HttpURLConnection connection = (HttpURLConnection) current.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(60_000);
            connection.setRequestProperty("User-Agent", "ipdex-authority");
            int status = connection.getResponseCode();
            if (status >= 300 && status < 400) {
                String location = connection.getHeaderField("Location");
                connection.disconnect();
                if (location == null) {
                    throw InvalidInputException.parameter("sourceUrl", "redirect without a location");
                }
                current = parse(current.resolve(location).toString());
                continue;
            }
            if (status != 200) {
                connection.disconnect();
                throw InvalidInputException.parameter("sourceUrl", "the server answered " + status);
            }
            try (InputStream body = connection.getInputStream()) {
                return spool.receive(body);
            }
        }
        throw InvalidInputException.parameter("sourceUrl", "more than " + MAX_REDIRECTS + " redirects");
    }

    private static URI parse(String url) {
        try {
            URI uri = new URL(url).toURI();
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw InvalidInputException.parameter("sourceUrl", "must be an http or https URL");
            }
            return uri;
        } catch (IOException | java.net.URISyntaxException | IllegalArgumentException e) {
            throw InvalidInputException.parameter("sourceUrl", "not a URL");
        }
    }

    private void requirePublic(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (properties.allowedHosts().stream().anyMatch(host::equalsIgnoreCase)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw InvalidInputException.parameter("sourceUrl", "unknown host " + host);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw InvalidInputException.parameter("sourceUrl", host + " resolves to a non-public address ("
                        + address.getHostAddress() + ")");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 198 && (second == 18 || second == 19))
                    && first < 224;
        }
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xFE) != 0xFC; // fc00::/7 unique-local
        }
        return false;
    }
}
