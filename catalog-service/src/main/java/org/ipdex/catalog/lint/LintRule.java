package org.ipdex.catalog.lint;

import java.util.List;

/**
 * One ST.90 check. Implementations are small {@code @Singleton}s in {@code org.ipdex.catalog.lint.rules}; the
 * {@link Linter} receives all of them by injection, so adding a rule touches one file.
 */
public interface LintRule {

    RuleInfo info();

    /** Returns every place the spec breaks this rule; an empty list when it complies. */
    List<Violation> check(SpecContext spec);
}
