package org.ipdex.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.ipdex.catalog.audit.AuditAction;
import org.ipdex.catalog.audit.AuditLog;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.problem.NotFoundException;

import java.util.Map;

/** Applies an office's metadata overrides; the change, its feed event and its audit entry commit together. */
@Singleton
class ApiEditor {

    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final ApiFeed feed;
    private final AuditLog audit;

    ApiEditor(ApiRepository apis, ApiVersionRepository versions, ApiFeed feed, AuditLog audit) {
        this.apis = apis;
        this.versions = versions;
        this.feed = feed;
        this.audit = audit;
    }

    @Transactional
    Api patchMetadata(String apiId, JsonNode patch, Identity identity) {
        Api api = apis.findByIdForUpdate(apiId).orElseThrow(() -> new NotFoundException("No API " + apiId));
        identity.requireOffice(api.officeCode());
        String overrides = MetadataPatch.apply(api.metadataOverrides(), patch);
        ApiMetadata effective = MetadataPatch.effective(api.specMetadata(), overrides);
        Api changed = new Api(api.id(), api.officeCode(), effective.title() != null ? effective.title() : api.title(),
                effective.description(), effective.lifecycleOrDefault(), api.latestVersion(), api.createdAt(),
                Timestamps.now(), api.specMetadata(), overrides, api.revision() + 1, api.sourceUrl(),
                api.sourceCheckedAt(), api.endpointStatus());
        apis.update(changed);
        feed.publish(changed, versions.findByApiIdAndNumber(apiId, api.latestVersion()).orElseThrow());
        audit.record(identity.subject(), new AuditLog.Change(AuditAction.METADATA_CHANGED, api.officeCode(), apiId,
                api.latestVersion(), Map.of("patch", MetadataPatch.JSON.convertValue(patch, Map.class))));
        return changed;
    }
}
