package org.ipdex.gateway.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import jakarta.validation.Valid;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.page.Page;
import org.ipdex.gateway.GatewayApplication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Tag(name = "admin")
@SecurityRequirement(name = GatewayApplication.API_KEY)
@Controller("/api/v1/admin/offices")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class OfficeController {

    private final Offices offices;

    OfficeController(Offices offices) {
        this.offices = offices;
    }

    @Operation(operationId = "listOffices", summary = "List offices",
            description = "Ordered by code; pass `next` as `cursor` for more.")
    @ApiResponse(responseCode = "200", description = "A page of offices")
    @ApiResponse(responseCode = "400", description = "An invalid limit")
    @Get
    Page<OfficeResponse> list(@Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit) {
        Paging.checkLimit(limit);
        List<Office> page = offices.listAfter(cursor == null ? "" : cursor, limit);
        String next = page.size() == limit ? page.get(page.size() - 1).code() : null;
        return new Page<>(page.stream().map(OfficeResponse::of).toList(), next);
    }

    @Operation(operationId = "getOffice", summary = "One office")
    @ApiResponse(responseCode = "200", description = "The office")
    @ApiResponse(responseCode = "404", description = "No such office")
    @Get("/{code}")
    OfficeResponse get(@PathVariable String code) {
        return OfficeResponse.of(offices.get(code));
    }

    @Operation(operationId = "createOffice", summary = "Create an office")
    // the answer's schema is named here: micronaut-openapi documents a return type only for a 200
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OfficeResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields; errors point into the body")
    @ApiResponse(responseCode = "409", description = "The office exists already")
    @Post
    HttpResponse<OfficeResponse> create(@Body @Valid OfficeRequest request) {
        Office office = offices.create(request);
        return HttpResponse.created(OfficeResponse.of(office), URI.create("/api/v1/admin/offices/" + office.code()));
    }
}
