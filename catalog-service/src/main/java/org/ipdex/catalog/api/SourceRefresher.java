package org.ipdex.catalog.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.ApiException;
import org.ipdex.common.schedule.OneReplica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Re-fetches the specs of APIs registered by URL, like the WIPO catalogue's scraper does with {@code x-oas-url}:
 * a new version appears only when the content changed. A source that fails today is tried again next round; its
 * API keeps its latest version.
 */
@Singleton
public class SourceRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(SourceRefresher.class);
    static final String ACTOR = "source-refresh";

    private final ApiRegistry registry;
    private final ApiRepository apis;

    SourceRefresher(ApiRegistry registry, ApiRepository apis) {
        this.registry = registry;
        this.apis = apis;
    }

    /** @return how many APIs got a new version */
    public int refreshAll() {
        int changed = 0;
        for (String apiId : apis.findIdsWithSource()) {
            try {
                if (refresh(apiId).filter(outcome -> outcome == RegistrationOutcome.NEW_VERSION).isPresent()) {
                    changed++;
                }
            } catch (ApiException | org.ipdex.common.fetch.FetchException refused) {
                LOG.warn("Re-fetching the spec of {} failed: {}", apiId, refused.getMessage());
            }
        }
        return changed;
    }

    public Optional<RegistrationOutcome> refresh(String apiId) {
        Optional<Api> api = apis.findById(apiId).filter(found -> found.sourceUrl() != null);
        if (api.isEmpty()) {
            return Optional.empty();
        }
        ApiRegistry.Result result = registry.addVersion(new Registration(api.get().officeCode(), apiId,
                new SpecUpload.Source(URI.create(api.get().sourceUrl())), ACTOR));
        if (result.outcome() == RegistrationOutcome.UNCHANGED) {
            apis.updateSourceCheckedAt(apiId, Instant.now());
        }
        return Optional.of(result.outcome());
    }

    /** The timer; switched off with {@code ipdex.catalog.fetch.refresh-enabled: false} (the tests drive it). */
    @Singleton
    @Requires(property = "ipdex.catalog.fetch.refresh-enabled", notEquals = "false")
    static class Schedule {

        private final SourceRefresher refresher;
        private final OneReplica oneReplica;

        Schedule(SourceRefresher refresher, OneReplica oneReplica) {
            this.refresher = refresher;
            this.oneReplica = oneReplica;
        }

        @Scheduled(fixedDelay = "${ipdex.catalog.fetch.refresh-interval:6h}",
                initialDelay = "${ipdex.catalog.fetch.refresh-interval:6h}")
        void run() {
            oneReplica.run("catalog.source-refresh", () ->
                    LOG.info("Re-fetched URL-sourced specs: {} new versions", refresher.refreshAll()));
        }
    }
}
