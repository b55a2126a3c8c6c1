package org.ipdex.cli.lint;

import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintReport;

/** Which violations make {@code ipdex lint} exit 1: MUST ones ({@code error}), also SHOULD ones, or none. */
public enum FailOn {
    ERROR, WARNING, NONE;

    public boolean fails(LintReport report) {
        return report.violations().stream().anyMatch(violation -> fails(violation.severity()));
    }

    /** Whether a violation of this severity is over the threshold (the Maven plugin lists those in its failure). */
    public boolean fails(Level severity) {
        return switch (this) {
            case ERROR -> severity == Level.MUST;
            case WARNING -> severity == Level.MUST || severity == Level.SHOULD;
            case NONE -> false;
        };
    }
}
