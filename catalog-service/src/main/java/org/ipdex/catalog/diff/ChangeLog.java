package org.ipdex.catalog.diff;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A diff as a readable change log, breaking changes first, in Markdown or HTML. */
public final class ChangeLog {

    private static final Map<Classification, String> HEADINGS = Map.of(
            Classification.BREAKING, "Breaking changes",
            Classification.POSSIBLY_BREAKING, "Possibly breaking changes",
            Classification.NON_BREAKING, "Other changes");

    private ChangeLog() {
    }

    public static String markdown(String title, DiffReport report) {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
        out.append("**Verdict: ").append(report.verdict()).append("** — ").append(report.breaking())
                .append(" breaking, ").append(report.possiblyBreaking()).append(" possibly breaking, ")
                .append(report.nonBreaking()).append(" other.\n");
        for (Classification classification : Classification.values()) {
            List<Change> changes = of(report, classification);
            if (!changes.isEmpty()) {
                out.append("\n## ").append(HEADINGS.get(classification)).append("\n\n");
                changes.forEach(change -> out.append("- ").append(change.message().replace("\n", " "))
                        .append(" `").append(change.kind()).append("`\n"));
            }
        }
        return out.toString();
    }

    public static String html(String title, DiffReport report) {
        Function<String, String> esc = ChangeLog::escape;
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc.apply(title)).append("</title></head><body>\n<h1>").append(esc.apply(title)).append("</h1>\n")
                .append("<p><strong>Verdict: ").append(report.verdict()).append("</strong> — ")
                .append(report.breaking()).append(" breaking, ").append(report.possiblyBreaking())
                .append(" possibly breaking, ").append(report.nonBreaking()).append(" other.</p>\n");
        for (Classification classification : Classification.values()) {
            List<Change> changes = of(report, classification);
            if (!changes.isEmpty()) {
                out.append("<h2>").append(HEADINGS.get(classification)).append("</h2>\n<ul>\n");
                changes.forEach(change -> out.append("<li>").append(esc.apply(change.message())).append(" <code>")
                        .append(esc.apply(change.kind())).append("</code></li>\n"));
                out.append("</ul>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static List<Change> of(DiffReport report, Classification classification) {
        return report.changes().stream().filter(c -> c.classification() == classification).collect(Collectors.toList());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
