package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.List;

/** An integer says whether it fits 32 or 64 bits, so generated clients pick the right type. */
@Singleton
final class IntegerFormatRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.formats.integer-format", Section.DATA_TYPE_FORMATS,
            Level.MAY, "Integers declare format int32 or int64");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        return spec.schemas().stream()
                .filter(ref -> SpecContext.type(ref.schema()).filter("integer"::equals).isPresent()
                        && ref.schema().getFormat() == null)
                .map(ref -> spec.violation(this, ref.pointer(), "Integer declares no format int32 or int64"))
                .toList();
    }
}
