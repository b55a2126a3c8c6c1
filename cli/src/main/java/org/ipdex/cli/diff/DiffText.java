package org.ipdex.cli.diff;

import org.ipdex.catalog.diff.Change;
import org.ipdex.catalog.diff.DiffReport;

import java.io.PrintWriter;

/** The human-readable change log: one line per change, most serious first, then the verdict. */
public final class DiffText {

    private DiffText() {
    }

    public static void write(DiffReport report, PrintWriter out) {
        for (Change change : report.changes()) {
            out.println(line(change));
        }
        out.println(verdict(report));
    }

    /** {@code verdict BREAKING: 2 breaking, 0 possibly breaking, 1 other change(s)}. */
    public static String verdict(DiffReport report) {
        return String.format("verdict %s: %d breaking, %d possibly breaking, %d other change(s)", report.verdict(),
                report.breaking(), report.possiblyBreaking(), report.nonBreaking());
    }

    /** {@code CLASSIFICATION  message  [kind pointer]}: what a build log shows for each change. */
    public static String line(Change change) {
        return String.format("%-17s %s  [%s %s]", SpecDiffer.label(change.classification()), change.message(),
                change.kind(), change.pointer());
    }
}
