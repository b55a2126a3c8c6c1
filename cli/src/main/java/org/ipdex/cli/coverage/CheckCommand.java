package org.ipdex.cli.coverage;

import org.ipdex.cli.CliFailure;
import org.ipdex.cli.ExitCodes;
import org.ipdex.cli.Json;
import org.ipdex.cli.Version;
import org.ipdex.cli.server.Poll;
import org.ipdex.cli.server.ProgressBar;
import org.ipdex.cli.server.ServerFailures;
import org.ipdex.cli.server.ServerOptions;
import org.ipdex.cli.server.ServerSettings;
import org.ipdex.cli.server.DirectCalls;
import org.ipdex.client.IpdexClient;
import org.ipdex.client.model.CoverageCheckResponse;
import org.ipdex.client.model.CoverageCheckResponseProgress;
import org.ipdex.client.model.CoverageCounts;
import org.ipdex.client.model.CoverageReport;
import org.ipdex.client.model.CoverageReportRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Checks a collection (HOLDINGS: one publication number per line in any common spelling, or a "
                + "delimited file with --column; plain or gzip) against the active authority files of the offices, "
                + "on the server. The file is streamed; progress goes to stderr. Prints the counts per office, "
                + "publication year and kind; --missing-out writes the records the collection lacks.",
                "No key is needed (checks are rate-limited per caller); IPDEX_API_KEY is sent when set.",
                "Exit: 0 the check is done, 2 usage, 3 the file is missing or refused by the server, 4 server "
                        + "unreachable, failed or the check failed, 5 key refused, 7 no such office."})
public final class CheckCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "HOLDINGS", description = "the collection list")
    Path holdings;

    @Option(names = "--office", paramLabel = "XX", required = true, split = ",",
            description = "the office(s) to check against, e.g. EP or EP,US")
    java.util.List<String> offices;

    @Option(names = "--column", description = "the number's column of a delimited file: 1-based, or the header's name")
    String column;

    @Option(names = "--name", description = "the collection's name: checks of the same name are compared")
    String name;

    @Option(names = "--missing-out", paramLabel = "FILE",
            description = "write the missing records here (CSV: office, number, kind, publicationDate)")
    Path missingOut;

    @Option(names = "--format", defaultValue = "text", description = "text or json (the check with its report). "
            + "Default: ${DEFAULT-VALUE}")
    Format format;

    @Override
    public Integer call() {
        ServerSettings settings = server.settings();
        ServerFailures failures = new ServerFailures(settings);
        try {
            if (!Files.isRegularFile(holdings)) {
                throw CliFailure.input(holdings + ": no such file");
            }
            IpdexClient client = ServerOptions.connect(settings);
            CoverageCheckResponse created = upload(client);
            CoverageCheckResponse done = follow(client, created.getCheckId());
            if ("failed".equals(done.getStatus())) {
                throw new CliFailure(ExitCodes.SERVER, "coverage check " + done.getCheckId() + " failed: "
                        + done.getError());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                Json.write(client.apiClient().getObjectMapper().valueToTree(done), out);
            } else {
                CoverageTable.write(done.getReport(), out);
            }
            if (missingOut != null) {
                Path downloaded = client.coverage().getCoverageCheckMissing(done.getCheckId()).toPath();
                Files.move(downloaded, missingOut, StandardCopyOption.REPLACE_EXISTING);
                spec.commandLine().getErr().printf(Locale.ROOT, "%,d missing record(s) written to %s%n",
                        done.getReport().getTotals().getMissing(), missingOut);
            }
            return ExitCodes.OK;
        } catch (Exception e) {
            throw failures.about(holdings.toString(), e);
        }
    }

    private CoverageCheckResponse upload(IpdexClient client) throws Exception {
        long size = Files.size(holdings);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("offices", String.join(",", offices).toUpperCase(Locale.ROOT));
        query.put("column", column);
        query.put("name", name);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "upload", System.console() != null);
        CoverageCheckResponse created = new DirectCalls(client).post("/api/v1/authority/coverageChecks", query,
                holdings, "application/octet-stream",
                sent -> bar.update(size == 0 ? 1.0 : (double) sent / size, ProgressBar.bytes(sent) + " / "
                        + ProgressBar.bytes(size)), CoverageCheckResponse.class);
        bar.finish(1.0, ProgressBar.bytes(size) + " / " + ProgressBar.bytes(size));
        return created;
    }

    private CoverageCheckResponse follow(IpdexClient client, String checkId) throws Exception {
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "check", System.console() != null);
        CoverageCheckResponse done = Poll.until(() -> client.coverage().getCoverageCheck(checkId), check -> {
            CoverageCheckResponseProgress progress = check.getProgress();
            if (progress != null && progress.getBytesTotal() != null && progress.getBytesTotal() > 0) {
                bar.update((double) progress.getBytesRead() / progress.getBytesTotal(), String.format(Locale.ROOT,
                        "%,d rows  %s", progress.getRowsRead(), check.getPhase() == null ? check.getStatus()
                                : check.getPhase()));
            }
            return "done".equals(check.getStatus()) || "failed".equals(check.getStatus());
        });
        bar.finish(1.0, String.format(Locale.ROOT, "%,d rows  %s", done.getProgress() == null ? 0
                : done.getProgress().getRowsRead(), done.getStatus()));
        return done;
    }

    /** The report for people: one row per office, publication year and kind, then the totals. */
    static final class CoverageTable {

        private static final String ROW = "%-6s %-6s %-5s %10s %10s %10s %10s %10s %8s%n";

        private CoverageTable() {
        }

        static void write(CoverageReport report, PrintWriter out) {
            out.printf(Locale.ROOT, ROW, "office", "year", "kind", "expected", "held", "missing", "extra",
                    "exceptions", "complete");
            for (CoverageReportRow row : report.getRows()) {
                out.printf(Locale.ROOT, ROW, row.getOffice(), row.getPublicationYear() == null ? "-"
                                : row.getPublicationYear(), row.getKind() == null ? "-" : row.getKind(),
                        count(row.getExpected()), count(row.getHeld()), count(row.getMissing()), count(row.getExtra()),
                        count(row.getExceptions()), percent(row.getPercentComplete()));
            }
            CoverageCounts totals = report.getTotals();
            out.printf(Locale.ROOT, ROW, "total", "", "", count(totals.getExpected()), count(totals.getHeld()),
                    count(totals.getMissing()), count(totals.getExtra()), count(totals.getExceptions()),
                    percent(totals.getPercentComplete()));
        }

        private static String count(Long value) {
            return value == null ? "-" : String.format(Locale.ROOT, "%,d", value);
        }

        private static String percent(Double value) {
            return value == null ? "-" : String.format(Locale.ROOT, "%.2f%%", value);
        }
    }
}
