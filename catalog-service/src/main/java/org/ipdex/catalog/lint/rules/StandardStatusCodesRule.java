package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.JsonPointer;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Clients handle registered codes generically (RFC 9110 and the IANA registry); private codes surprise them. */
@Singleton
final class StandardStatusCodesRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.status.standard-codes", Section.STATUS_CODES, Level.MUST,
            "Only standard HTTP status codes");
    private static final Set<String> STANDARD = Set.of("100", "101", "102", "103", "200", "201", "202", "203", "204",
            "205", "206", "207", "208", "226", "300", "301", "302", "303", "304", "305", "307", "308", "400", "401",
            "402", "403", "404", "405", "406", "407", "408", "409", "410", "411", "412", "413", "414", "415", "416",
            "417", "418", "421", "422", "423", "424", "425", "426", "428", "429", "431", "451", "500", "501", "502",
            "503", "504", "505", "506", "507", "508", "510", "511");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            Set<String> codes = op.responseCodes();
            for (String code : codes) {
                if (!STANDARD.contains(code) && !code.equals("default") && !code.matches("[1-5]XX")) {
                    violations.add(spec.violation(this, JsonPointer.append(op.pointer(), "responses", code),
                            "Status code " + code + " is not a standard HTTP status code"));
                }
            }
        }
        return violations;
    }
}
