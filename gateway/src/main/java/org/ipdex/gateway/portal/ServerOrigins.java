package org.ipdex.gateway.portal;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.ipdex.common.identity.Identity;
import org.ipdex.gateway.route.BackendReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The origins of the servers an API's latest version declares, as Content-Security-Policy sources. Only http(s)
 * origins whose host is a plain name or address make it in: a spec cannot smuggle a wildcard, a path, a quote or a
 * second directive into the policy. When the catalogue cannot say, the page gets no extra source (the try-it form
 * then explains that the request was refused).
 */
@Singleton
class ServerOrigins {

    private static final Logger LOG = LoggerFactory.getLogger(ServerOrigins.class);
    private static final Pattern HOST = Pattern.compile("[a-z0-9.-]+|\\[[0-9a-f:.]+]");
    private static final int MAX_ORIGINS = 20;

    private final BackendReads backends;

    ServerOrigins(BackendReads backends) {
        this.backends = backends;
    }

    /**
     * Space-separated origins, in order; empty when there are none. The API names its latest version, and only a
     * version carries its servers.
     */
    String of(String apiId) {
        String api = "/api/v1/catalog/apis/" + URLEncoder.encode(apiId, StandardCharsets.UTF_8).replace("+", "%20");
        try {
            JsonNode latest = backends.json("catalog", api, Identity.anonymous()).block().get("latestVersion");
            if (latest == null || !latest.isNumber() || latest.getIntValue() < 1) {
                return "";
            }
            JsonNode version = backends.json("catalog", api + "/versions/" + latest.getIntValue(),
                    Identity.anonymous()).block();
            return String.join(" ", origins(servers(version)));
        } catch (RuntimeException e) {
            LOG.debug("No server origins for {}: {}", apiId, e.toString());
            return "";
        }
    }

    private static List<String> servers(JsonNode version) {
        JsonNode servers = version == null ? null : version.get("servers");
        if (servers == null || !servers.isArray()) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        servers.values().forEach(url -> urls.add(url.getStringValue()));
        return urls;
    }

    static List<String> origins(List<String> urls) {
        TreeSet<String> origins = new TreeSet<>();
        for (String url : urls) {
            try {
                URI uri = new URI(url.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && HOST.matcher(host).matches()
                        && origins.size() < MAX_ORIGINS) {
                    origins.add(scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
                }
            } catch (java.net.URISyntaxException e) {
                // not a URL: no source for it
            }
        }
        return List.copyOf(origins);
    }
}
