package org.ipdex.gateway.scorecard;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.gateway.account.Caller;

@Tag(name = "offices")
@Controller("/api/v1/offices/{code}/scorecard")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class OfficeScorecardController {

    private final OfficeScorecards scorecards;

    OfficeScorecardController(OfficeScorecards scorecards) {
        this.scorecards = scorecards;
    }

    @Operation(operationId = "getOfficeScorecard", summary = "An office's scorecard",
            description = "Side by side, each with its history: per API the ST.90 score and level "
                    + "(`apis[].st90History`), breaking changes in the last 12 months (`breakingChangesByMonth`) and "
                    + "endpoint uptime from the probes (`uptimePercent30Days`, `uptimeByMonth`); for the office's "
                    + "authority file its age and PCT minimum-documentation coverage status (`authority`, with "
                    + "`authority.history` per activated edition). The parts are those of "
                    + "`GET /api/v1/catalog/offices/{officeCode}/scorecard` and "
                    + "`GET /api/v1/authority/offices/{office}/scorecard`.")
    @ApiResponse(responseCode = "200", description = "The scorecard", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object", requiredProperties = {"office",
            "officeName", "generatedAt", "apis", "authority"}, description = "`office`, `officeName`, `generatedAt`; "
            + "`apis`: the `apis` of the catalogue's half; `authority`: the authority file's half without its `office`")))
    @ApiResponse(responseCode = "400", description = "Not a two-letter WIPO ST.3 code")
    @ApiResponse(responseCode = "404", description = "No such office")
    @ApiResponse(responseCode = "503", description = "A service holding part of the scorecard is unavailable")
    @Get
    JsonNode get(@PathVariable String code, HttpRequest<?> request) {
        return scorecards.of(code, Caller.of(request).identity());
    }
}
