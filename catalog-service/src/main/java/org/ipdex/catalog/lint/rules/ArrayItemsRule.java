package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.List;

/** An array without {@code items} says nothing about what it holds. */
@Singleton
final class ArrayItemsRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.contract.array-items", Section.SERVICE_CONTRACT,
            Level.MUST, "Arrays declare their items");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        return spec.schemas().stream()
                .filter(ref -> SpecContext.type(ref.schema()).filter("array"::equals).isPresent()
                        && ref.schema().getItems() == null && ref.schema().getPrefixItems() == null)
                .map(ref -> spec.violation(this, ref.pointer(), "Array declares no items"))
                .toList();
    }
}
