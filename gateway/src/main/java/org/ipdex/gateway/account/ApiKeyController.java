package org.ipdex.gateway.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/admin/apiKeys")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Get
    Page<ApiKeyResponse> list(@Nullable @QueryValue String office, @Nullable @QueryValue String cursor,
                              @QueryValue(defaultValue = "50") int limit) {
        Paging.checkLimit(limit);
        List<ApiKey> page = keys.listAfter(office, cursor == null ? ApiKeyRepository.FIRST : uuid("cursor", cursor),
                limit);
        String next = page.size() == limit ? page.get(page.size() - 1).id().toString() : null;
        return new Page<>(page.stream().map(ApiKeyResponse::of).toList(), next);
    }

    @Get("/{keyId}")
    ApiKeyResponse get(@PathVariable String keyId) {
        return ApiKeyResponse.of(keys.get(uuid("keyId", keyId)));
    }

    @Post
    HttpResponse<IssuedApiKeyResponse> issue(@Body @Valid ApiKeyRequest request) {
        ApiKeys.Issued issued = keys.issue(request);
        return HttpResponse.created(IssuedApiKeyResponse.of(issued), location(issued));
    }

    @Delete("/{keyId}")
    HttpResponse<Void> revoke(@PathVariable String keyId) {
        keys.revoke(uuid("keyId", keyId));
        return HttpResponse.noContent();
    }

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
