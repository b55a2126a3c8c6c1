package org.ipdex.authority.scope;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.problem.InvalidInputException;

import java.util.Locale;

@Tag(name = "scope")
@Controller("/api/v1/authority/offices/{office}/scorecard")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ScorecardController {

    private final OfficeScorecards scorecards;

    ScorecardController(OfficeScorecards scorecards) {
        this.scorecards = scorecards;
    }

    @Operation(summary = "The authority file's half of an office's scorecard",
            description = "The office's PCT minimum-documentation coverage status (`covered`, `gaps`, "
                    + "`noAuthorityFile`, `notInScope`) and its active file's age, and for every edition it activated "
                    + "the file's age, gap years and kinds never seen on the day of activation, judged against the "
                    + "current scope. `GET /api/v1/offices/{code}/scorecard` puts it beside the catalogue's half.")
    @Get
    AuthorityScorecard authorityScorecard(@PathVariable String office) {
        String code = office.toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw InvalidInputException.parameter("office", "must be a two-letter WIPO ST.3 code");
        }
        return scorecards.of(code);
    }
}
