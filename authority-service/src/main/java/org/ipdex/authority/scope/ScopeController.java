package org.ipdex.authority.scope;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.problem.NotFoundException;

@Tag(name = "scope")
@Controller("/api/v1/authority/scope")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ScopeController {

    private final ScopeStore store;
    private final ScopeValidator validator;
    private final ScopeStatusService status;

    ScopeController(ScopeStore store, ScopeValidator validator, ScopeStatusService status) {
        this.store = store;
        this.validator = validator;
        this.status = status;
    }

    @Operation(operationId = "getScope", summary = "The PCT minimum documentation scope",
            description = "The current version, or the one named by `version`. Every coverage report names the "
                    + "version it used.")
    @Get
    Scope get(@Nullable @QueryValue Integer version) {
        return (version == null ? store.current() : store.version(version))
                .orElseThrow(() -> new NotFoundException(version == null ? "No scope has been defined yet"
                        : "No scope version " + version));
    }

    @Operation(operationId = "replaceScope", summary = "Replace the scope (administrators only)",
            description = "Stores the entries as a new version; earlier versions are kept. Body: "
                    + "`{\"entries\": [{\"office\": \"EP\", \"kinds\": [\"A1\", \"B1\"], \"fromYear\": 1978, "
                    + "\"toYear\": null, \"note\": \"…\"}]}`. Errors name the JSON pointer of each wrong value.")
    @Put(consumes = MediaType.APPLICATION_JSON)
    Scope put(@Body JsonNode body, Authentication authentication) {
        Identity identity = Identity.of(authentication);
        identity.requireAdmin();
        return store.save(validator.read(body), identity.subject());
    }

    @Operation(operationId = "getScopeStatus", summary = "Per-office status against the current scope",
            description = "For each office in scope: the active edition, its produced date and age in days, record "
                    + "count, first and last publication year, years inside the scope with no records, kinds in the "
                    + "scope never seen and kinds seen outside the scope.")
    @Get("/status")
    ScopeStatus status() {
        return status.status();
    }
}
