package org.ipdex.cli.lint;

import org.ipdex.catalog.lint.LintReport;

/** One spec's report in the JSON output: the file as named, the file its lines are in, the service's report. */
public record JsonReport(String file, String linesFile, LintReport report) {

    public static JsonReport of(LintedSpec spec) {
        return new JsonReport(spec.input().toString(), spec.linesFile().toString(), spec.report());
    }
}
