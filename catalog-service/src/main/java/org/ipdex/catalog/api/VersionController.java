package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

@Tag(name = "catalog")
@Controller("/api/v1/catalog/apis/{apiId}/versions")
@ExecuteOn(TaskExecutors.BLOCKING)
class VersionController {

    private final ApiRegistry registry;
    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final UploadForms forms;
    private final JsonMapper json;

    VersionController(ApiRegistry registry, ApiRepository apis, ApiVersionRepository versions, UploadForms forms,
                      JsonMapper json) {
        this.registry = registry;
        this.apis = apis;
        this.versions = versions;
        this.forms = forms;
        this.json = json;
    }

    @Operation(operationId = "listVersions", summary = "List the versions of an API", description = "Newest first.")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<VersionSummary> list(@PathVariable String apiId) {
        api(apiId);
        return versions.listVersions(apiId);
    }

    @Operation(operationId = "getVersion",
            summary = "Get one version of an API", description = "What lint and diff said when it arrived.")
    @Get("/{version}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    VersionResponse get(@PathVariable String apiId, @PathVariable int version) {
        ApiVersion found = version(apiId, version);
        return new VersionResponse(found.apiId(), found.number(), found.specVersion(), found.sourceFormat(),
                found.mediaType(), found.origin(), found.sourceUrl(), found.contentSha256(), found.st90Score(),
                found.st90Level(), found.diffVerdict(), found.breakingChange(), strings(found.servers()),
                count(found.operations()), strings(found.warnings()), found.createdBy(), found.createdAt());
    }

    @Operation(operationId = "getVersionSpec", summary = "Get the spec of a version",
            description = "The bytes as uploaded with their media type (a bundle is its zip), or with "
                    + "`form=normalised` the resolved OpenAPI 3 JSON.")
    // the bytes as stored, whatever they are: documented as binary, so that a generated client keeps them as a file
    @ApiResponse(responseCode = "200", description = "The spec", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_YAML, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))})
    @Get(value = "/{version}/spec", produces = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_YAML,
            "application/zip"})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<byte[]> spec(@PathVariable String apiId, @PathVariable int version,
                              @QueryValue(defaultValue = "original") String form) {
        ApiVersion found = version(apiId, version);
        return switch (form) {
            case "original" -> HttpResponse.ok(found.original()).contentType(found.mediaType());
            case "normalised" -> HttpResponse.ok(found.normalised().getBytes(StandardCharsets.UTF_8))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
            default -> throw InvalidInputException.parameter("form", "must be original or normalised");
        };
    }

    @Operation(operationId = "registerVersion", summary = "Register a new version of an existing API",
            description = "Same bodies as registering an API; the version is added to this API.")
    @Post(consumes = {MediaType.APPLICATION_JSON, "application/yaml", MediaType.APPLICATION_YAML, "text/yaml",
            MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/zip"})
    @RegistrationAnswers
    @Secured({Roles.OFFICE, Roles.ADMIN})
    HttpResponse<RegistrationResponse> register(@PathVariable String apiId, @SpecBody @Body byte[] content,
                                                @Nullable @QueryValue String main, HttpRequest<?> request,
                                                Authentication authentication) {
        Api api = owned(apiId, Identity.of(authentication));
        SpecUpload upload = forms.of(content, request.getContentType().orElse(null), main);
        return ApiController.respond(registry.addVersion(new Registration(api.officeCode(), apiId, upload,
                authentication.getName())));
    }

    // documented as a form of the operation above (SpecBody): OpenAPI has one operation per method and path
    @Hidden
    @Operation(summary = "Register a new version sent as multipart/form-data")
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @RegistrationAnswers
    @Secured({Roles.OFFICE, Roles.ADMIN})
    HttpResponse<RegistrationResponse> registerParts(@PathVariable String apiId, @Body MultipartBody parts,
                                                     @Nullable @QueryValue String main,
                                                     Authentication authentication) {
        Api api = owned(apiId, Identity.of(authentication));
        return ApiController.respond(registry.addVersion(new Registration(api.officeCode(), apiId,
                forms.of(parts, main), authentication.getName())));
    }

    private Api owned(String apiId, Identity identity) {
        Api api = api(apiId);
        identity.requireOffice(api.officeCode());
        return api;
    }

    private Api api(String apiId) {
        return apis.findById(apiId).orElseThrow(() -> new NotFoundException("No API " + apiId));
    }

    private ApiVersion version(String apiId, int number) {
        return versions.findByApiIdAndNumber(apiId, number)
                .orElseThrow(() -> new NotFoundException("API " + apiId + " has no version " + number));
    }

    private List<String> strings(String array) {
        try {
            return json.readValue(array, Argument.listOf(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int count(String operations) {
        try {
            return json.readValue(operations, Argument.listOf(Object.class)).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
