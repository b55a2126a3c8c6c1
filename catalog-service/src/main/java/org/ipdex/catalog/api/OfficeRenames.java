package org.ipdex.catalog.api;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.ipdex.catalog.office.OfficeRenamed;

/**
 * Sends an office's new name to search with each of its APIs, at once rather than with each API's next change. The
 * documents keep their revisions (search accepts an equal version), and each API is locked like any writer
 * would, so a concurrent change of one of them lands after the rename and carries the new name too.
 */
@Singleton
class OfficeRenames {

    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final ApiFeed feed;

    OfficeRenames(ApiRepository apis, ApiVersionRepository versions, ApiFeed feed) {
        this.apis = apis;
        this.versions = versions;
        this.feed = feed;
    }

    @EventListener
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void republish(OfficeRenamed renamed) {
        for (Api api : apis.findByOfficeCodeForUpdate(renamed.officeCode())) {
            feed.publish(api, versions.findByApiIdAndNumber(api.id(), api.latestVersion()).orElseThrow());
        }
    }
}
