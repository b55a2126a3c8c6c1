package org.ipdex.catalog.office;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
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
@Controller("/api/v1/catalog/offices")
@ExecuteOn(TaskExecutors.BLOCKING)
class OfficeController {

    private static final int MAX_LIMIT = 200;

    private final OfficeRepository offices;
    private final OfficeProfiles profiles;

    OfficeController(OfficeRepository offices, OfficeProfiles profiles) {
        this.offices = offices;
        this.profiles = profiles;
    }

    @Operation(operationId = "listCatalogOffices",
            summary = "List the offices of the catalogue", description = "Ordered by ST.3 code.")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Page<OfficeResponse> list(@Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.parameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        List<Office> page = offices.findByCodeGreaterThanOrderByCode(cursor == null ? "" : cursor, limit);
        String next = page.size() == limit ? page.get(page.size() - 1).code() : null;
        return new Page<>(page.stream().map(office -> OfficeResponse.of(office, offices.countApis(office.code())))
                .toList(), next);
    }

    @Operation(operationId = "getCatalogOffice", summary = "Get an office's profile")
    @Get("/{officeCode}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    OfficeResponse get(@PathVariable String officeCode) {
        String code = OfficeProfiles.code(officeCode);
        return offices.findById(code).map(office -> OfficeResponse.of(office, offices.countApis(code)))
                .orElseThrow(() -> new NotFoundException("No office profile " + code));
    }

    @Operation(operationId = "replaceCatalogOffice", summary = "Create or replace an office's profile",
            description = "By the office's own key or an administrator.")
    @Put("/{officeCode}")
    @Secured({Roles.OFFICE, Roles.ADMIN})
    HttpResponse<OfficeResponse> put(@PathVariable String officeCode, @Body OfficeRequest request,
                                     Authentication authentication) {
        OfficeProfiles.Saved saved = profiles.put(officeCode, request, Identity.of(authentication));
        OfficeResponse body = OfficeResponse.of(saved.office(), offices.countApis(saved.office().code()));
        return HttpResponse.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }
}
