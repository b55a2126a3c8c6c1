package org.ipdex.catalog.lint;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.identity.Identity;

import java.util.List;

/** Justified exceptions to rules, per API. */
@Tag(name = "lint")
@Controller("/api/v1/catalog/apis/{apiId}/lintExceptions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class LintExemptionController {

    private final Exemptions exemptions;

    LintExemptionController(Exemptions exemptions) {
        this.exemptions = exemptions;
    }

    @Operation(operationId = "listLintExceptions", summary = "The rule exceptions recorded for an API")
    @ApiResponse(responseCode = "200", description = "The exceptions, by rule id")
    @ApiResponse(responseCode = "404", description = "No such API")
    @Get
    List<ExemptionResponse> list(@PathVariable String apiId) {
        return exemptions.list(apiId);
    }

    @Operation(operationId = "createLintException", summary = "Record a justified exception to a rule",
            description = "For the office that owns the API, or an administrator. Its violations then show as excepted.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "400", description = "Unknown rule or no justification")
    @ApiResponse(responseCode = "403", description = "Not the API's office")
    @ApiResponse(responseCode = "404", description = "No such API")
    @Post
    HttpResponse<ExemptionResponse> create(@PathVariable String apiId, @Body ExemptionRequest request,
                                           Authentication authentication) {
        return HttpResponse.created(exemptions.record(apiId, request, Identity.of(authentication)));
    }
}
