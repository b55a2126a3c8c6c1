package org.ipdex.gateway.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.gateway.GatewayApplication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Tag(name = "admin")
@SecurityRequirement(name = GatewayApplication.API_KEY)
@Controller("/api/v1/admin/apiKeys")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Operation(operationId = "listApiKeys", summary = "List API keys",
            description = "Never the secrets, only their public prefixes. Pass `next` as `cursor` for more.")
    @ApiResponse(responseCode = "200", description = "A page of keys")
    @ApiResponse(responseCode = "400", description = "An invalid cursor or limit")
    @Get
    Page<ApiKeyResponse> list(@Nullable @QueryValue String office, @Nullable @QueryValue String cursor,
                              @QueryValue(defaultValue = "50") int limit) {
        Paging.checkLimit(limit);
        List<ApiKey> page = keys.listAfter(office, cursor == null ? ApiKeyRepository.FIRST : uuid("cursor", cursor),
                limit);
        String next = page.size() == limit ? page.get(page.size() - 1).id().toString() : null;
        return new Page<>(page.stream().map(ApiKeyResponse::of).toList(), next);
    }

    @Operation(operationId = "getApiKey", summary = "One API key")
    @ApiResponse(responseCode = "200", description = "The key, without its secret")
    @ApiResponse(responseCode = "404", description = "No such key")
    @Get("/{keyId}")
    ApiKeyResponse get(@PathVariable String keyId) {
        return ApiKeyResponse.of(keys.get(uuid("keyId", keyId)));
    }

    @Operation(operationId = "createApiKey", summary = "Issue an API key",
            description = "The key is in this answer only; ipdex stores its hash.")
    // the answer's schema is named here: micronaut-openapi documents a return type only for a 200
    @ApiResponse(responseCode = "201", description = "Issued", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IssuedApiKeyResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields; errors point into the body")
    @Post
    HttpResponse<IssuedApiKeyResponse> issue(@Body @Valid ApiKeyRequest request) {
        ApiKeys.Issued issued = keys.issue(request);
        return HttpResponse.created(IssuedApiKeyResponse.of(issued), location(issued));
    }

    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key", description = "Refused at once.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "No such key")
    @Delete("/{keyId}")
    HttpResponse<Void> revoke(@PathVariable String keyId) {
        keys.revoke(uuid("keyId", keyId));
        return HttpResponse.noContent();
    }

    @Operation(operationId = "createApiKeyRotation", summary = "Rotate an API key",
            description = "Issues a new key for the same holder and revokes the old one.")
    @ApiResponse(responseCode = "201", description = "The new key", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedApiKeyResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such key")
    @Post("/{keyId}/rotation")
    HttpResponse<IssuedApiKeyResponse> rotate(@PathVariable String keyId) {
        ApiKeys.Issued issued = keys.rotate(uuid("keyId", keyId));
        return HttpResponse.created(IssuedApiKeyResponse.of(issued), location(issued));
    }

    private static URI location(ApiKeys.Issued issued) {
        return URI.create("/api/v1/admin/apiKeys/" + issued.key().id());
    }

    private static UUID uuid(String parameter, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.parameter(parameter, "not a key id");
        }
    }
}
