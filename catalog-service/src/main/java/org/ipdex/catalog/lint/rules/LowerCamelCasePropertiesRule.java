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

/** Property names are lowerCamelCase. A leading underscore (HAL's {@code _links}) marks metadata and is allowed. */
@Singleton
final class LowerCamelCasePropertiesRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.formats.lower-camel-case-properties",
            Section.DATA_TYPE_FORMATS, Level.MUST, "Property names are lowerCamelCase");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.SchemaRef ref : spec.schemas()) {
            if (ref.schema().getProperties() == null) {
                continue;
            }
            for (String name : ref.schema().getProperties().keySet()) {
                String bare = name.startsWith("_") ? name.substring(1) : name;
                if (!Rules.isLowerCamel(bare)) {
                    violations.add(spec.violation(this, JsonPointer.append(ref.pointer(), "properties", name),
                            "Property '" + name + "' is not lowerCamelCase"));
                }
            }
        }
        return violations;
    }
}
