package org.ipdex.catalog.lint;

import jakarta.inject.Singleton;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.problem.InvalidInputException;

import java.time.Instant;
import java.util.List;

/**
 * Justified exceptions: the office that owns an API (or an administrator) may say a rule does not apply to it, with a
 * reason anyone can read. Recording one again replaces the justification.
 */
@Singleton
public class Exemptions {

    private static final int MIN_JUSTIFICATION = 10;

    private final StoredSpecs apis;
    private final LintExemptionRepository exemptions;
    private final RuleCatalogue rules;

    Exemptions(StoredSpecs apis, LintExemptionRepository exemptions, RuleCatalogue rules) {
        this.apis = apis;
        this.exemptions = exemptions;
        this.rules = rules;
    }

    public ExemptionResponse record(String apiId, ExemptionRequest request, Identity identity) {
        identity.requireOffice(apis.office(apiId));
        if (request.ruleId() == null || !rules.exists(request.ruleId())) {
            throw InvalidInputException.parameter("ruleId", "no lint rule " + request.ruleId());
        }
        if (request.justification() == null || request.justification().strip().length() < MIN_JUSTIFICATION) {
            throw InvalidInputException.parameter("justification",
                    "say why the rule does not apply (at least " + MIN_JUSTIFICATION + " characters)");
        }
        LintExemption exemption = new LintExemption(new LintExemption.Key(apiId, request.ruleId()),
                request.justification().strip(), identity.subject(), Instant.now());
        LintExemption saved = exemptions.existsById(exemption.key()) ? exemptions.update(exemption)
                : exemptions.save(exemption);
        return ExemptionResponse.of(saved);
    }

    public List<ExemptionResponse> list(String apiId) {
        apis.office(apiId); // a missing API is 404, not an empty list
        return exemptions.listByApiId(apiId).stream().map(ExemptionResponse::of).toList();
    }
}
