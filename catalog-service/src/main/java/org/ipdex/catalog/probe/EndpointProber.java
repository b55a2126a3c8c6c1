package org.ipdex.catalog.probe;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.ipdex.catalog.api.EndpointTargets;
import org.ipdex.common.fetch.FetchException;
import org.ipdex.catalog.fetch.HttpAnswer;
import org.ipdex.catalog.fetch.SafeFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes the servers each API declares (plus its health path, if the office named one) through
 * {@link SafeFetcher}, so only public addresses are contacted unless allow-listed. Every probe is kept as history;
 * the API's overall status (UP, DEGRADED, DOWN, UNKNOWN) is stored with the API and sent to search.
 */
@Singleton
public class EndpointProber {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointProber.class);

    private final SafeFetcher fetcher;
    private final EndpointTargets targets;
    private final EndpointCheckRepository checks;
    private final Duration history;

    EndpointProber(SafeFetcher fetcher, EndpointTargets targets, EndpointCheckRepository checks,
                   @Value("${ipdex.catalog.probe.history-days:30}") int historyDays) {
        this.fetcher = fetcher;
        this.targets = targets;
        this.checks = checks;
        this.history = Duration.ofDays(historyDays);
    }

    public void probeAll() {
        for (String apiId : targets.apiIds()) {
            try {
                probe(apiId);
            } catch (RuntimeException e) {
                LOG.warn("Probing the endpoints of {} failed", apiId, e);
            }
        }
        checks.deleteByCheckedAtLessThan(Instant.now().minus(history));
    }

    /** @return the API's status after this round; UNKNOWN when it declares no probeable server */
    public String probe(String apiId) {
        EndpointTargets.Target target = targets.target(apiId).orElseThrow();
        List<EndpointCheck> round = new ArrayList<>();
        for (String server : target.servers()) {
            round.add(checks.save(check(apiId, url(server, target.healthPath()), target.healthPath() != null)));
        }
        String status = overall(round);
        targets.recordStatus(apiId, status);
        return status;
    }

    private EndpointCheck check(String apiId, String url, boolean healthPath) {
        Instant now = Instant.now();
        try {
            HttpAnswer answer = fetcher.probe(URI.create(url));
            // any answer below 500 proves the API is there (its root often answers 401 or 404); a health path
            // is a promise to answer 2xx
            boolean up = healthPath ? answer.status() < 400 : answer.status() < 500;
            return new EndpointCheck(null, apiId, url, up ? "UP" : "DOWN", answer.status(), answer.latencyMillis(),
                    null, now);
        } catch (FetchException e) {
            return new EndpointCheck(null, apiId, url, e.refused() ? "REFUSED" : "DOWN", null, null,
                    e.getMessage(), now);
        } catch (IllegalArgumentException badUrl) {
            return new EndpointCheck(null, apiId, url, "DOWN", null, null, "not a URL: " + badUrl.getMessage(), now);
        }
    }

    static String url(String server, String healthPath) {
        if (healthPath == null) {
            return server;
        }
        return (server.endsWith("/") ? server.substring(0, server.length() - 1) : server) + healthPath;
    }

    static String overall(List<EndpointCheck> round) {
        long up = round.stream().filter(check -> check.status().equals("UP")).count();
        long down = round.stream().filter(check -> check.status().equals("DOWN")).count();
        if (up == 0 && down == 0) {
            return "UNKNOWN";
        }
        return down == 0 ? "UP" : up == 0 ? "DOWN" : "DEGRADED";
    }
}
