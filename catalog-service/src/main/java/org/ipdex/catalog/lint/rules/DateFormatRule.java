package org.ipdex.catalog.lint.rules;

import io.swagger.v3.oas.models.media.Schema;
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
import java.util.regex.Pattern;

/** A string property named like a date or time declares {@code format: date} or {@code date-time} (ISO 8601). */
@Singleton
final class DateFormatRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.formats.date-format", Section.DATA_TYPE_FORMATS,
            Level.SHOULD, "Dates and times declare format date or date-time");
    private static final Pattern DATE_NAME = Pattern.compile(
            "(date|time|timestamp|datetime)|.*(Date|DateTime|Timestamp|At)|.*_(date|time|at)");

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
            ref.schema().getProperties().forEach((name, property) -> {
                if (DATE_NAME.matcher(name).matches() && undated(property)) {
                    violations.add(spec.violation(this, JsonPointer.append(ref.pointer(), "properties", name),
                            "Property '" + name + "' looks like a date but declares no format date or date-time"));
                }
            });
        }
        return violations;
    }

    private static boolean undated(Schema<?> property) {
        return property != null && property.get$ref() == null && property.getEnum() == null
                && SpecContext.type(property).filter("string"::equals).isPresent()
                && (property.getFormat() == null || !property.getFormat().startsWith("date"));
    }
}
