package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;

import java.util.List;

@Tag(name = "catalog")
@Controller("/api/v1/catalog/apis")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiController {

    private static final int MAX_LIMIT = 200;

    private final ApiRegistry registry;
    private final ApiRepository apis;
    private final ApiVersionRepository versions;

    ApiController(ApiRegistry registry, ApiRepository apis, ApiVersionRepository versions) {
        this.registry = registry;
        this.apis = apis;
        this.versions = versions;
    }

    @Operation(summary = "List registered APIs", description = "Ordered by id; pass `next` as `cursor` for more.")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Page<ApiResponse> list(@Nullable @QueryValue String office, @Nullable @QueryValue String cursor,
                           @QueryValue(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String after = cursor == null ? "" : cursor;
        List<Api> page = office == null ? apis.findByIdGreaterThanOrderById(after, limit)
                : apis.findByOfficeCodeAndIdGreaterThanOrderById(office.toUpperCase(java.util.Locale.ROOT), after, limit);
        String next = page.size() == limit ? page.get(page.size() - 1).id() : null;
        return new Page<>(page.stream().map(ApiResponse::of).toList(), next);
    }

    @Operation(summary = "Get one API")
    @Get("/{apiId}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ApiResponse get(@PathVariable String apiId) {
        return apis.findById(apiId).map(ApiResponse::of)
                .orElseThrow(() -> new NotFoundException("No API " + apiId));
    }

    @Operation(summary = "List the versions of an API")
    @Get("/{apiId}/versions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<VersionSummary> versions(@PathVariable String apiId) {
        get(apiId);
        return versions.listVersions(apiId);
    }

    @Operation(summary = "Register an API or a new version of it",
            description = "The body is one OpenAPI 3.x or Swagger 2.0 document, JSON or YAML. An office key "
                    + "registers for its own office; an administrator names the office.")
    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_YAML, "application/x-yaml",
            MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Secured({Roles.OFFICE, Roles.ADMIN})
    HttpResponse<RegistrationResponse> register(@Body byte[] content, @Nullable @QueryValue String office,
                                                @Nullable @QueryValue String apiId, Authentication authentication) {
        Identity identity = Identity.of(authentication);
        String officeCode = office != null ? office : identity.office()
                .orElseThrow(() -> InvalidInputException.parameter("office", "an administrator must name the office"));
        identity.requireOffice(officeCode);
        ApiRegistry.Result result = registry.register(new Registration(officeCode, apiId, content, identity.subject()));
        RegistrationResponse body = new RegistrationResponse(ApiResponse.of(result.api()), result.versionNumber(),
                result.outcome());
        return HttpResponse.status(result.outcome() == RegistrationOutcome.UNCHANGED ? HttpStatus.OK : HttpStatus.CREATED)
                .body(body);
    }
}
