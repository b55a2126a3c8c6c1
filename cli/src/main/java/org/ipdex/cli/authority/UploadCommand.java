package org.ipdex.cli.authority;

import com.fasterxml.jackson.databind.JsonNode;
import org.ipdex.authority.ingest.IngestReport;
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
import org.ipdex.client.invoker.ApiException;
import org.ipdex.client.model.EditionResponse;
import org.ipdex.client.model.IngestProgressSnapshot;
import org.ipdex.client.model.UploadResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

@Command(name = "upload", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Uploads an authority file (ST.37 XML, EPO CSV or USPTO TSV; plain, gzip or zip) as the office's "
                + "next edition, streamed from disk whatever its size, and follows the server's ingest until the "
                + "edition is active or rejected. Progress (bytes sent, then rows read) goes to stderr.",
                "When the edition is rejected, its validation report is printed: each problem at its line.",
                "The API key (the office's, or an administrator's) comes from IPDEX_API_KEY or api-key in the "
                        + "config file, never from an option: a key on a command line is seen in shell history, by "
                        + "ps and in CI logs.",
                "Exit: 0 active (or the same file was uploaded before), 1 rejected (the report says why), 2 usage, "
                        + "3 the file is missing, refused as not an authority file or too large, 4 server "
                        + "unreachable or failed, 5 no key or key refused, 7 conflict (the same file is being read)."})
public final class UploadCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "FILE", description = "the authority file")
    Path file;

    @Option(names = "--office", paramLabel = "XX", required = true, description = "the office the file is for")
    String office;

    @Option(names = "--layout", description = "st37-xml, epo-csv, uspto-tsv; default: from the file's first line "
            + "(as validate), else the server's (st37-xml)")
    String layout;

    @Option(names = "--category", description = "full, incremental or differential; default: what the file says, else full")
    String category;

    @Option(names = "--strict", description = "reject the file at any record error")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", description = "text or json (the edition; with the report "
            + "when rejected). Default: ${DEFAULT-VALUE}")
    Format format;

    /** The JSON output: the edition, and the validation report when it was not activated. */
    record Output(String outcome, JsonNode edition, IngestReport report) {
    }

    @Override
    public Integer call() {
        ServerSettings settings = server.settings();
        ServerFailures failures = new ServerFailures(settings);
        try {
            if (!Files.isRegularFile(file)) {
                throw CliFailure.input(file + ": no such file");
            }
            IpdexClient client = ServerOptions.connect(settings.requireKey("authority upload"));
            UploadResponse uploaded = upload(client);
            EditionResponse edition = uploaded.getEdition();
            if ("accepted".equals(uploaded.getOutcome())) {
                edition = follow(client, edition.getEditionId());
            }
            return report(client, uploaded.getOutcome(), edition);
        } catch (Exception e) {
            throw failures.about(file.toString(), e);
        }
    }

    private UploadResponse upload(IpdexClient client) throws IOException, InterruptedException, ApiException {
        long size = Files.size(file);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("layout", layout != null ? layout : LayoutGuess.guess(file).orElse(null));
        query.put("category", category);
        query.put("strict", Boolean.toString(strict));
        query.put("fileName", file.getFileName().toString());
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "upload", System.console() != null);
        long started = System.nanoTime();
        UploadResponse answer = new DirectCalls(client).post("/api/v1/authority/offices/"
                        + office.strip().toUpperCase(Locale.ROOT) + "/editions", query, file,
                "application/octet-stream", sent -> bar.update(fraction(sent, size), sentText(sent, size, started)),
                UploadResponse.class);
        bar.finish(1.0, sentText(size, size, started));
        return answer;
    }

    /** Polls the edition until its ingest ends, drawing the server's own progress. */
    private EditionResponse follow(IpdexClient client, long editionId) throws Exception {
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "ingest", System.console() != null);
        EditionResponse edition = Poll.until(() -> client.authority().getEdition(editionId), current -> {
            IngestProgressSnapshot progress = current.getProgress();
            if (progress != null) {
                bar.update(progress.getFractionDone(), String.format(Locale.ROOT, "%,d rows  %,d rows/s  %s",
                        progress.getRowsDone(), progress.getRowsPerSecond(), progress.getStage()));
            }
            return !"ingesting".equals(current.getStatus());
        });
        bar.finish(1.0, String.format(Locale.ROOT, "%,d rows  %s", edition.getRecordsAccepted()
                + edition.getRecordsRejected(), edition.getStatus()));
        return edition;
    }

    private int report(IpdexClient client, String outcome, EditionResponse edition) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // an earlier upload of the same file may have been activated and superseded since: it was good either way
        boolean good = "active".equals(edition.getStatus()) || "superseded".equals(edition.getStatus());
        // the generated getEditionReport cannot read it: the document declares a string, the answer is a JSON object
        IngestReport report = good ? null : new DirectCalls(client).get("/api/v1/authority/editions/"
                + edition.getEditionId() + "/report", IngestReport.class);
        if (format == Format.json) {
            // the generated model's dates need the client's own mapper (java.time)
            Json.write(new Output(outcome, client.apiClient().getObjectMapper().valueToTree(edition), report), out);
        } else if ("unchanged".equals(outcome)) {
            out.printf("%s: unchanged: this very file is edition %d of %s (%s); nothing was read again%n", file,
                    edition.getEditionId(), edition.getOffice(), edition.getStatus());
        } else if (good) {
            out.printf(Locale.ROOT, "%s: edition %d of %s is %s: %,d entries accepted, %,d with errors, %,d records "
                            + "in the set%n", file, edition.getEditionId(), edition.getOffice(), edition.getStatus(),
                    edition.getRecordsAccepted(), edition.getRecordsRejected(),
                    edition.getSetSize() == null ? edition.getRecordsAccepted() : edition.getSetSize());
        }
        if (report != null && format == Format.text) {
            ValidationText.write(file.toString(), report, OptionalDouble.empty(), out);
        }
        if ("failed".equals(edition.getStatus())) {
            throw new CliFailure(ExitCodes.SERVER, "the server failed while reading edition " + edition.getEditionId()
                    + (report.detail() == null ? "" : ": " + report.detail()));
        }
        return good ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static Double fraction(long sent, long size) {
        return size == 0 ? 1.0 : (double) sent / size;
    }

    private static String sentText(long sent, long size, long startedNanos) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
        return ProgressBar.bytes(sent) + " / " + ProgressBar.bytes(size) + "  "
                + ProgressBar.bytes(Math.round(sent / seconds)) + "/s";
    }
}
