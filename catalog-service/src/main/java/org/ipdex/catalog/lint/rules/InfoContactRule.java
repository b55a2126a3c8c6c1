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

/** Users need someone to ask; a contact without a URL or e-mail address reaches no one. */
@Singleton
final class InfoContactRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.contract.info-contact", Section.SERVICE_CONTRACT, Level.SHOULD,
            "The API names a contact");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        Info info = spec.model().getInfo() == null ? new Info() : spec.model().getInfo();
        if (info.getContact() == null || (blank(info.getContact().getEmail()) && blank(info.getContact().getUrl()))) {
            return List.of(spec.violation(this, "/info", "info.contact has no e-mail address or URL"));
        }
        return List.of();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
