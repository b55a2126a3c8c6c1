package org.ipdex.catalog.lint;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The ST.90 conformance report of one spec.
 *
 * @param score        0–100: the weighted share of checked rules that pass (a failing MUST rule weighs 3, SHOULD 2,
 *                     MAY 1). Per rule rather than per violation, so a large API is not punished for its size.
 * @param level        see {@link Grade}
 * @param rulesChecked how many rules ran (switched-off rules do not)
 * @param violations   the violations that count, ordered by severity then pointer
 * @param excepted     violations of rules the office recorded a justified exception for
 */
@Serdeable
public record LintReport(int score, Grade level, int rulesChecked, int rulesFailed, Counts counts,
                         List<Violation> violations, List<Violation> excepted) {

    @Serdeable
    public record Counts(long must, long should, long may) {
    }

    public boolean hasMustViolations() {
        return counts.must() > 0;
    }
}
