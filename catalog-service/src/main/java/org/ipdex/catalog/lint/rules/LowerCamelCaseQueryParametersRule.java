package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Singleton
final class LowerCamelCaseQueryParametersRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.uri.lower-camel-case-query-parameters", Section.URI,
            Level.MUST, "Query parameter names are lowerCamelCase");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        Set<String> reported = new HashSet<>(); // a path-level parameter is listed once, not once per method
        for (SpecContext.OperationRef op : spec.operations()) {
            for (SpecContext.ParameterRef ref : spec.parameters(op)) {
                String name = ref.parameter().getName();
                if ("query".equals(ref.parameter().getIn()) && name != null && !Rules.isLowerCamel(name)
                        && reported.add(ref.pointer())) {
                    violations.add(spec.violation(this, ref.pointer() + "/name",
                            "Query parameter '" + name + "' is not lowerCamelCase"));
                }
            }
        }
        return violations;
    }
}
