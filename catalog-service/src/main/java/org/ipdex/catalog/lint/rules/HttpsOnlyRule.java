package org.ipdex.catalog.lint.rules;

import io.swagger.v3.oas.models.servers.Server;
import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Credentials and data travel over TLS. Loopback servers (local development) are exempt. */
@Singleton
final class HttpsOnlyRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.security.https-only", Section.SECURITY_MODEL, Level.MUST,
            "Servers use HTTPS");
    private static final Pattern LOOPBACK = Pattern.compile("http://(localhost|127\\.0\\.0\\.1|\\[::1])([:/].*)?");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Server> servers = spec.model().getServers();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; servers != null && i < servers.size(); i++) {
            String url = servers.get(i).getUrl() == null ? "" : servers.get(i).getUrl().toLowerCase(Locale.ROOT);
            if (url.startsWith("http://") && !LOOPBACK.matcher(url).matches()) {
                violations.add(spec.violation(this, "/servers/" + i + "/url",
                        "Server " + servers.get(i).getUrl() + " is not HTTPS"));
            }
        }
        return violations;
    }
}
