package org.ipdex.cli.lint;

import org.ipdex.catalog.lint.LintReport;

/** Which violations make {@code ipdex lint} exit 1: MUST ones ({@code error}), also SHOULD ones, or none. */
public enum FailOn {
    ERROR, WARNING, NONE;

    public boolean fails(LintReport report) {
        return switch (this) {
            case ERROR -> report.counts().must() > 0;
            case WARNING -> report.counts().must() + report.counts().should() > 0;
            case NONE -> false;
        };
    }
}
