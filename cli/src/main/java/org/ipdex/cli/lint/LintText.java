package org.ipdex.cli.lint;

import org.ipdex.catalog.lint.LintReport;
import org.ipdex.catalog.lint.Violation;

import java.io.PrintWriter;

/** The human-readable report: one line per violation as {@code file:line: LEVEL rule message}, then a summary. */
public final class LintText {

    private LintText() {
    }

    public static void write(Iterable<LintedSpec> specs, PrintWriter out) {
        for (LintedSpec spec : specs) {
            LintReport report = spec.report();
            for (Violation violation : report.violations()) {
                out.printf("%s:%d: %-6s %s %s  [%s]%n", spec.linesFile(), violation.line() == null ? 1 : violation.line(),
                        violation.severity(), violation.ruleId(), violation.message(), violation.pointer());
            }
            out.printf("%s: ST.90 score %d, level %s; %d MUST, %d SHOULD, %d MAY violation(s); %d of %d rules failed%n",
                    spec.input(), report.score(), report.level(), report.counts().must(), report.counts().should(),
                    report.counts().may(), report.rulesFailed(), report.rulesChecked());
        }
    }
}
