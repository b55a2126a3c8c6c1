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
import java.util.regex.Pattern;

/** Semantic versions let a client tell a breaking release from a fix. */
@Singleton
final class InfoVersionRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.contract.info-version-semver", Section.SERVICE_CONTRACT, Level.SHOULD,
            "The API version is semantic (major.minor.patch)");
    private static final Pattern SEMVER = Pattern.compile(
            "\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        Info info = spec.model().getInfo() == null ? new Info() : spec.model().getInfo();
        if (!SEMVER.matcher(info.getVersion() == null ? "" : info.getVersion()).matches()) {
            return List.of(spec.violation(this, "/info/version",
                    "info.version '" + info.getVersion() + "' is not a semantic version such as 1.2.0"));
        }
        return List.of();
    }
}
