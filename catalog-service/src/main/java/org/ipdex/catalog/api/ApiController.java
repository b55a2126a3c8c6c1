package org.ipdex.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;
import org.ipdex.common.problem.ProblemError;

import java.util.List;
import java.util.Locale;

@Tag(name = "catalog")
@Controller("/api/v1/catalog/apis")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiController {

    private static final int MAX_LIMIT = 200;
    private static final String REGISTER_HELP = "The body is one OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or "
            + "YAML, its $refs local), a zip bundle (`main` names the root file; relative $refs stay inside the "
            + "bundle), or `{\"sourceUrl\": \"https://…\"}` to fetch the spec now and re-fetch it on a schedule. "
            + "An office key registers for its own office; an administrator names the office. The API's id is "
            + "`apiId`, or the office and the title as a slug; if that id exists, the answer is 409 `api-exists` "
            + "naming the API, `POST /api/v1/catalog/apis/{apiId}/versions` (which adds a version) and a free id — "
            + "unless the body is exactly the API's latest version, which answers 200 and stores nothing.";

    private final ApiRegistry registry;
    private final ApiRepository apis;
    private final ApiEditor editor;
    private final UploadForms forms;

    ApiController(ApiRegistry registry, ApiRepository apis, ApiEditor editor, UploadForms forms) {
        this.registry = registry;
        this.apis = apis;
        this.editor = editor;
        this.forms = forms;
    }

    @Operation(operationId = "listApis",
            summary = "List registered APIs", description = "Ordered by id; pass `next` as `cursor` for more.")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Page<ApiResponse> list(@Nullable @QueryValue String office, @Nullable @QueryValue String cursor,
                           @QueryValue(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String after = cursor == null ? "" : cursor;
        List<Api> page = office == null ? apis.findByIdGreaterThanOrderById(after, limit)
                : apis.findByOfficeCodeAndIdGreaterThanOrderById(office.toUpperCase(Locale.ROOT), after, limit);
        String next = page.size() == limit ? page.get(page.size() - 1).id() : null;
        return new Page<>(page.stream().map(ApiResponse::of).toList(), next);
    }

    @Operation(operationId = "getApi",
            summary = "Get one API", description = "With its effective catalogue metadata and endpoint status.")
    @Get("/{apiId}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ApiResponse get(@PathVariable String apiId) {
        return apis.findById(apiId).map(ApiResponse::of).orElseThrow(() -> new NotFoundException("No API " + apiId));
    }

    @Operation(operationId = "registerApi", summary = "Register a new API", description = REGISTER_HELP)
    @Post(consumes = {MediaType.APPLICATION_JSON, "application/yaml", MediaType.APPLICATION_YAML, "text/yaml",
            MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/zip"})
    @RegistrationAnswers
    @Secured({Roles.OFFICE, Roles.ADMIN})
    HttpResponse<RegistrationResponse> register(@SpecBody @Body byte[] content, @Nullable @QueryValue String office,
                                                @Nullable @QueryValue String apiId, @Nullable @QueryValue String main,
                                                HttpRequest<?> request, Authentication authentication) {
        SpecUpload upload = forms.of(content, request.getContentType().orElse(null), main);
        return register(upload, new Target(office, apiId), Identity.of(authentication));
    }

    // documented as a form of the operation above (SpecBody): OpenAPI has one operation per method and path
    @Hidden
    @Operation(summary = "Register a multi-file spec sent as multipart/form-data",
            description = "One file part is one document; several are the files of a bundle (each file name is its "
                    + "path) and the `main` field names the root file. Ids and 409 as for the other body forms.")
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @RegistrationAnswers
    @Secured({Roles.OFFICE, Roles.ADMIN})
    HttpResponse<RegistrationResponse> registerParts(@Body MultipartBody parts, @Nullable @QueryValue String office,
                                                     @Nullable @QueryValue String apiId,
                                                     @Nullable @QueryValue String main,
                                                     Authentication authentication) {
        return register(forms.of(parts, main), new Target(office, apiId), Identity.of(authentication));
    }

    @Operation(operationId = "patchApi", summary = "Override catalogue metadata of an API",
            description = "A JSON merge patch (RFC 7396) of the metadata: a field set replaces the spec's value for "
                    + "this and every later version; null gives the spec's value back.")
    @Patch(value = "/{apiId}", consumes = {MediaType.APPLICATION_JSON, UploadForms.MERGE_PATCH})
    @Secured({Roles.OFFICE, Roles.ADMIN})
    ApiResponse patch(@PathVariable String apiId, @Body byte[] patch, Authentication authentication) {
        return ApiResponse.of(editor.patchMetadata(apiId, json(patch), Identity.of(authentication)));
    }

    /** Which office and API an upload is for, as the query names them (both optional). */
    record Target(@Nullable String office, @Nullable String apiId) {
    }

    static HttpResponse<RegistrationResponse> respond(ApiRegistry.Result result) {
        HttpStatus status = result.outcome() == RegistrationOutcome.UNCHANGED ? HttpStatus.OK : HttpStatus.CREATED;
        return HttpResponse.status(status).body(RegistrationResponse.of(result));
    }

    private HttpResponse<RegistrationResponse> register(SpecUpload upload, Target target, Identity identity) {
        String officeCode = target.office() != null ? target.office() : identity.office()
                .orElseThrow(() -> InvalidInputException.parameter("office", "an administrator must name the office"));
        identity.requireOffice(officeCode);
        return respond(registry.create(new Registration(officeCode, target.apiId(), upload, identity.subject())));
    }


    private static JsonNode json(byte[] body) {
        try {
            return MetadataPatch.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("The patch is not well-formed JSON: " + e.getOriginalMessage(),
                    List.of(ProblemError.atLine(e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                            e.getLocation() == null ? null : e.getLocation().getColumnNr(), e.getOriginalMessage())));
        } catch (java.io.IOException e) {
            throw new InvalidInputException("The patch could not be read");
        }
    }
}
