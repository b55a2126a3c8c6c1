package org.ipdex.cli.authority;

import org.ipdex.authority.ingest.IngestReport;
import org.ipdex.common.problem.ProblemError;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** The validation report for people: the verdict, the counts by kind of error, then each listed error at its line. */
final class ValidationText {

    private ValidationText() {
    }

    /** @param maxErrorRate the threshold the file was judged by, when known (the server does not say its own) */
    static void write(String file, IngestReport report, OptionalDouble maxErrorRate, PrintWriter out) {
        for (ProblemError error : report.errors()) {
            out.printf("%s:%d: %s%n", file, error.line() == null ? 0 : error.line(), error.message());
        }
        double rate = report.recordsRead() == 0 ? 0 : 100.0 * report.recordsRejected() / report.recordsRead();
        out.printf(Locale.ROOT, "%s: %s: %,d entries read, %,d accepted, %,d with errors (%.2f%%%s)%n",
                file, report.outcome().toUpperCase(Locale.ROOT), report.recordsRead(), report.recordsAccepted(),
                report.recordsRejected(), rate, maxErrorRate.isPresent() ? String.format(Locale.ROOT,
                        "; the service allows %.2f%%", maxErrorRate.getAsDouble() * 100) : "");
        if (report.detail() != null) {
            out.println("  " + report.detail());
        }
        for (Map.Entry<String, Long> count : new TreeMap<>(report.errorCounts()).entrySet()) {
            out.printf(Locale.ROOT, "  %-24s %,d%n", count.getKey(), count.getValue());
        }
        if (report.recordsRejected() > report.errors().size()) {
            out.printf(Locale.ROOT, "  (the first %,d errors are listed; --max-listed lists more)%n", report.errors().size());
        }
        out.println("  codes checked against: " + switch (String.valueOf(report.definitionsFrom())) {
            case "file" -> "the file's definition part";
            case "given" -> "the definitions given (--definitions / --mapping)";
            case "stored" -> "the codes stored for the office";
            default -> "nothing (no definitions): only their shape";
        });
        report.notes().forEach(note -> out.println("  note: " + note));
    }
}
