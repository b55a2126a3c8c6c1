package org.ipdex.catalog.lint.rules;

import io.swagger.v3.oas.models.info.Info;
import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.List;

/** Reusing IP data depends on its terms. */
@Singleton
final class InfoLicenseRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.contract.info-license", Section.SERVICE_CONTRACT, Level.MAY,
            "The API states its licence or terms of service");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        Info info = spec.model().getInfo() == null ? new Info() : spec.model().getInfo();
        if (info.getLicense() == null && blank(info.getTermsOfService())) {
            return List.of(spec.violation(this, "/info", "info has neither a license nor termsOfService"));
        }
        return List.of();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
