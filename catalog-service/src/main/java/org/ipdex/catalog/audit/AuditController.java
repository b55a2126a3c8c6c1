package org.ipdex.catalog.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

@Tag(name = "catalog")
@Controller("/api/v1/catalog/apis/{apiId}/auditEntries")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private static final int MAX_LIMIT = 200;

    private final AuditRepository entries;
    private final JsonMapper json;

    AuditController(AuditRepository entries, JsonMapper json) {
        this.entries = entries;
        this.json = json;
    }

    @Operation(operationId = "listAuditEntries", summary = "List the recorded changes of an API",
            description = "Newest first. Only an administrator or the office that owns the API may read them.")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Page<AuditEntryResponse> list(@PathVariable String apiId, @Nullable @QueryValue String cursor,
                                  @QueryValue(defaultValue = "50") int limit, Authentication authentication) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        long before = cursor == null ? Long.MAX_VALUE : parseCursor(cursor);
        List<AuditEntry> page = entries.findByApiIdAndIdLessThanOrderByIdDesc(apiId, before, limit);
        // every entry of an API names its office, and an API never changes office
        List<AuditEntry> first = page.isEmpty() ? entries.findByApiIdAndIdLessThanOrderByIdDesc(apiId, Long.MAX_VALUE, 1)
                : page;
        if (first.isEmpty()) {
            throw new NotFoundException("No API " + apiId);
        }
        Identity.of(authentication).requireOffice(first.get(0).officeCode());
        String next = page.size() == limit ? String.valueOf(page.get(page.size() - 1).id()) : null;
        return new Page<>(page.stream().map(this::response).toList(), next);
    }

    private AuditEntryResponse response(AuditEntry entry) {
        try {
            return new AuditEntryResponse(entry.id(), entry.apiId(), entry.officeCode(), entry.version(),
                    entry.action(), entry.actor(), json.readValue(entry.detail(), JsonNode.class), entry.createdAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw InvalidInputException.parameter("cursor", "not a cursor this listing gave out");
        }
    }
}
