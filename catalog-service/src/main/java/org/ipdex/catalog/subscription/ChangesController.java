package org.ipdex.catalog.subscription;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.catalog.api.Api;
import org.ipdex.catalog.api.ApiRepository;
import org.ipdex.catalog.api.ApiVersionRepository;
import org.ipdex.catalog.api.VersionSummary;
import org.ipdex.catalog.office.OfficeRepository;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Subscriptions without accounts: Atom feeds of new versions and breaking changes, per office and per API. */
@Tag(name = "catalog")
@Controller("/api/v1/catalog")
@ExecuteOn(TaskExecutors.BLOCKING)
class ChangesController {

    private static final int ENTRIES = 50;

    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final OfficeRepository offices;
    private final PublicLinks links;

    ChangesController(ApiRepository apis, ApiVersionRepository versions, OfficeRepository offices,
                      PublicLinks links) {
        this.apis = apis;
        this.versions = versions;
        this.offices = offices;
        this.links = links;
    }

    @Operation(operationId = "getOfficeChanges", summary = "Atom feed of an office's new versions and breaking changes",
            description = "The newest 50 versions of all the office's APIs.")
    @Get(value = "/offices/{officeCode}/changes", produces = {AtomFeed.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> officeChanges(@PathVariable String officeCode, HttpRequest<?> request) {
        String code = officeCode.toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw InvalidInputException.parameter("officeCode", "must be a two-letter WIPO ST.3 code");
        }
        List<VersionSummary> latest = versions.latestOfOffice(code, ENTRIES);
        if (latest.isEmpty() && !offices.existsById(code)) {
            throw new NotFoundException("No office " + code + " in the catalogue");
        }
        String path = "/api/v1/catalog/offices/" + code + "/changes";
        return respond(new AtomFeed.Content("tag:ipdex,2024:offices/" + code + "/changes",
                "API changes of office " + code, links.path(path), latest, titles(latest)), request);
    }

    @Operation(operationId = "getApiChanges", summary = "Atom feed of an API's new versions and breaking changes",
            description = "The newest 50 versions.")
    @Get(value = "/apis/{apiId}/changes", produces = {AtomFeed.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> apiChanges(@PathVariable String apiId, HttpRequest<?> request) {
        Api api = apis.findById(apiId).orElseThrow(() -> new NotFoundException("No API " + apiId));
        List<VersionSummary> latest = versions.latestOfApi(apiId, ENTRIES);
        return respond(new AtomFeed.Content("tag:ipdex,2024:apis/" + apiId + "/changes", "Changes of " + api.title(),
                links.api(apiId) + "/changes", latest, Map.of(apiId, api.title())), request);
    }

    private Map<String, String> titles(List<VersionSummary> versions) {
        Map<String, String> titles = new HashMap<>();
        versions.stream().map(VersionSummary::apiId).distinct().forEach(id ->
                apis.findById(id).ifPresent(api -> titles.put(id, api.title())));
        return titles;
    }

    /** Atom for feed readers (and by default); JSON for a client that asks for it and not for Atom. */
    private HttpResponse<?> respond(AtomFeed.Content content, HttpRequest<?> request) {
        java.util.Collection<MediaType> accepted = request.accept();
        boolean json = accepted.stream().anyMatch(type -> type.getName().equals(MediaType.APPLICATION_JSON))
                && accepted.stream().noneMatch(type -> type.getName().equals(AtomFeed.MEDIA_TYPE));
        if (json) {
            return HttpResponse.ok(new ChangesResponse(content.id(), content.title(), content.versions().stream()
                    .map(version -> ChangeEntry.of(version, content.titles().getOrDefault(version.apiId(),
                            version.apiId()), links)).toList())).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(AtomFeed.write(content, links)).contentType(AtomFeed.MEDIA_TYPE + ";charset=UTF-8");
    }
}
