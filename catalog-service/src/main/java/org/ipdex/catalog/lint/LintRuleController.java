package org.ipdex.catalog.lint;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.identity.Identity;

import java.util.List;

/** The ruleset as it applies; an administrator switches rules off or re-grades them. */
@Tag(name = "lint")
@Controller("/api/v1/catalog/lintRules")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class LintRuleController {

    private final RuleCatalogue rules;

    LintRuleController(RuleCatalogue rules) {
        this.rules = rules;
    }

    @Operation(operationId = "listLintRules", summary = "The ST.90 rules and the settings in force")
    @ApiResponse(responseCode = "200", description = "Every rule")
    @Get
    List<RuleView> list() {
        return rules.list();
    }

    @Operation(operationId = "updateLintRules", summary = "Change several rules at once (administrators)",
            description = "All changes apply or none does.")
    @ApiResponse(responseCode = "200", description = "Every rule, after the change")
    @ApiResponse(responseCode = "400", description = "An unknown rule id")
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @Put
    List<RuleView> updateAll(@Body List<RuleSettingRequest> changes, Authentication authentication) {
        Identity identity = Identity.of(authentication);
        identity.requireAdmin();
        return rules.update(changes, identity.subject());
    }

    @Operation(operationId = "updateLintRule", summary = "Switch a rule off or re-grade it (administrators)")
    @ApiResponse(responseCode = "200", description = "The rule, after the change")
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @ApiResponse(responseCode = "404", description = "No such rule")
    @Put("/{ruleId}")
    RuleView update(@PathVariable String ruleId, @Body RuleSettingRequest change, Authentication authentication) {
        Identity identity = Identity.of(authentication);
        identity.requireAdmin();
        rules.get(ruleId);
        rules.update(List.of(new RuleSettingRequest(ruleId, change.enabled(), change.level())), identity.subject());
        return rules.get(ruleId);
    }
}
