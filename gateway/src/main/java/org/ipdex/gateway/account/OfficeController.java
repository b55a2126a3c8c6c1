package org.ipdex.gateway.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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

import java.net.URI;
import java.util.List;

@Controller("/api/v1/admin/offices")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class OfficeController {

    private final Offices offices;

    OfficeController(Offices offices) {
        this.offices = offices;
    }

    @Get
    Page<OfficeResponse> list(@Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit) {
        Paging.checkLimit(limit);
        List<Office> page = offices.listAfter(cursor == null ? "" : cursor, limit);
        String next = page.size() == limit ? page.get(page.size() - 1).code() : null;
        return new Page<>(page.stream().map(OfficeResponse::of).toList(), next);
    }

    @Get("/{code}")
    OfficeResponse get(@PathVariable String code) {
        return OfficeResponse.of(offices.get(code));
    }

    @Post
    HttpResponse<OfficeResponse> create(@Body @Valid OfficeRequest request) {
        Office office = offices.create(request);
        return HttpResponse.created(OfficeResponse.of(office), URI.create("/api/v1/admin/offices/" + office.code()));
    }
}
