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

/** The catalogue lists an API by its title. */
@Singleton
final class InfoTitleRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.contract.info-title", Section.SERVICE_CONTRACT, Level.MUST,
            "The API has a title");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        Info info = spec.model().getInfo() == null ? new Info() : spec.model().getInfo();
        if (info.getTitle() == null || info.getTitle().isBlank()) {
            return List.of(spec.violation(this, "/info", "info.title is missing"));
        }
        return List.of();
    }
}
