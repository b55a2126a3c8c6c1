package org.ipdex.catalog.lint.rules;

import io.swagger.v3.oas.models.servers.Server;
import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.List;
import java.util.regex.Pattern;

/** The major version is in every path ({@code /v1/…}) or in every server URL. */
@Singleton
final class MajorVersionRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.uri.major-version", Section.URI, Level.MUST,
            "Major version in the path or server URL");
    private static final Pattern VERSION = Pattern.compile("(^|/)v\\d+(\\.\\d+)*(/|$)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Server> servers = spec.model().getServers();
        if (servers != null && !servers.isEmpty()
                && servers.stream().allMatch(s -> s.getUrl() != null && VERSION.matcher(s.getUrl()).find())) {
            return List.of();
        }
        if (!spec.paths().isEmpty() && spec.paths().keySet().stream().allMatch(p -> VERSION.matcher(p).find())) {
            return List.of();
        }
        String pointer = servers != null && !servers.isEmpty() ? "/servers" : "/paths";
        return List.of(spec.violation(this, pointer,
                "Neither every server URL nor every path carries a major version such as /v1"));
    }
}
