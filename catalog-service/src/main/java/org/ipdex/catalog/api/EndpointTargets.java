package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * What the endpoint probes need from the catalogue, and where they report back: the servers each API declares,
 * and the API's overall endpoint status — which goes into the change feed only when it changes, so probing every
 * few minutes does not flood search-service.
 */
@Singleton
public class EndpointTargets {

    /** @param healthPath probed on each server instead of the server URL itself; null for none */
    public record Target(String apiId, String officeCode, List<String> servers, @Nullable String healthPath,
                         String endpointStatus) {
    }

    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final ApiFeed feed;
    private final JsonMapper json;

    EndpointTargets(ApiRepository apis, ApiVersionRepository versions, ApiFeed feed, JsonMapper json) {
        this.apis = apis;
        this.versions = versions;
        this.feed = feed;
        this.json = json;
    }

    public List<String> apiIds() {
        return apis.findAllIds();
    }

    public Optional<Target> target(String apiId) {
        return apis.findById(apiId).map(api -> new Target(api.id(), api.officeCode(),
                servers(versions.findServers(api.id(), api.latestVersion()).orElse("[]")),
                MetadataPatch.effective(api.specMetadata(), api.metadataOverrides()).healthPath(),
                api.endpointStatus()));
    }

    /** Stores a changed status with its feed event; an unchanged status writes nothing. */
    @Transactional
    public void recordStatus(String apiId, String status) {
        apis.findByIdForUpdate(apiId).filter(api -> !api.endpointStatus().equals(status)).ifPresent(api -> {
            Api changed = api.withEndpointStatus(status, Timestamps.now());
            apis.update(changed);
            feed.publish(changed, versions.findByApiIdAndNumber(apiId, api.latestVersion()).orElseThrow());
            feed.endpointChanged(api, changed);
        });
    }

    private List<String> servers(String array) {
        try {
            return json.readValue(array, Argument.listOf(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
