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
                out.println(line(spec, violation));
            }
            out.println(summary(spec));
        }
    }

    /** The spec's score, level and counts in one line. */
    public static String summary(LintedSpec spec) {
        LintReport report = spec.report();
        return String.format("%s: ST.90 score %d, level %s; %d MUST, %d SHOULD, %d MAY violation(s); %d of %d rules failed",
                spec.input(), report.score(), report.level(), report.counts().must(), report.counts().should(),
                report.counts().may(), report.rulesFailed(), report.rulesChecked());
    }

    /** {@code file:line: LEVEL rule message  [pointer]}, the form editors and CI logs link to the line. */
    public static String line(LintedSpec spec, Violation violation) {
        return String.format("%s:%d: %-6s %s %s  [%s]", spec.linesFile(), violation.line() == null ? 1 : violation.line(),
                violation.severity(), violation.ruleId(), violation.message(), violation.pointer());
    }
}
