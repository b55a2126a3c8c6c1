package org.ipdex.cli.publish;

import org.ipdex.catalog.diff.Classification;
import org.ipdex.catalog.diff.Differ;
import org.ipdex.catalog.spec.ParsedSpec;
import org.ipdex.catalog.spec.SpecParser;
import org.ipdex.cli.server.DirectCalls;
import org.ipdex.client.IpdexClient;
import org.ipdex.client.IpdexProblemException;
import org.ipdex.client.invoker.ApiException;
import org.ipdex.client.model.CatalogApiEntry;
import org.ipdex.client.model.Change;
import org.ipdex.client.model.LintReport;
import org.ipdex.client.model.RegistrationOutcome;
import org.ipdex.client.model.RegistrationResponse;
import org.ipdex.client.model.VersionResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Publishes a spec file as the next version of an API, or as a new API when there is none by that id (an office
 * key registers it for its own office; an administrator names the office with {@link #forOffice}). Used by
 * {@code ipdex publish} and by the Maven plugin.
 *
 * <p>{@link #check} answers what a publish would do without storing anything. The catalogue has a dry run for lint
 * ({@code POST /catalog/lintReports}) but none for a registration's diff, so the check diffs here: the latest
 * version's normalised spec, as stored, against the file, both rebuilt from normalised JSON with the catalogue's own
 * {@link SpecParser} and {@link Differ} — what the registration itself does. A CLI older or newer than the server
 * may judge a change differently; the version the server then stores carries the server's own verdict.
 */
public final class Publisher {

    private final IpdexClient client;
    private final Optional<String> office;
    private final SpecParser parser = new SpecParser();

    public Publisher(IpdexClient client) {
        this(client, Optional.empty());
    }

    private Publisher(IpdexClient client, Optional<String> office) {
        this.client = Objects.requireNonNull(client, "client");
        this.office = office;
    }

    /** The office a new API is registered for: needed with an administrator's key only. */
    public Publisher forOffice(String officeCode) {
        return new Publisher(client, Optional.ofNullable(officeCode).filter(code -> !code.isBlank()));
    }

    /**
     * Registers the spec: a new version of the API, nothing when it equals the latest version, or the API itself
     * when the catalogue has none with this id.
     *
     * @throws IpdexProblemException the server refused (a problem document: its status, detail and errors)
     * @throws ApiException          no answer (connection refused, timed out) or one without a problem document
     */
    public PublishResult publish(String apiId, Path spec) throws ApiException, IOException {
        SpecFile file = SpecFile.read(spec);
        RegistrationResponse registered = existing(apiId).isPresent()
                ? client.catalog().registerVersion(apiId, file.text(), null)
                : client.catalog().registerApi(file.text(), office.orElse(null), apiId, null);
        int version = registered.getVersion();
        List<String> breaking = registered.getOutcome() == RegistrationOutcome.NEW_VERSION
                && registered.getBreakingChanges() != null && registered.getBreakingChanges() > 0
                ? breaking(client.diff().getVersionDiff(apiId, version - 1, version, "json").getChanges())
                : List.of();
        return new PublishResult(apiId, Integer.toString(version),
                registered.getOutcome() == RegistrationOutcome.UNCHANGED, breaking, score(registered.getSt90Score()),
                registered.getSt90Level());
    }

    /**
     * What {@link #publish} would do, storing nothing: the version the spec would become, whether it is the
     * latest one already, its breaking changes against it, and its ST.90 score from the server's lint dry run.
     */
    public PublishResult check(String apiId, Path spec) throws ApiException, IOException {
        SpecFile file = SpecFile.read(spec);
        Optional<CatalogApiEntry> api = existing(apiId);
        if (api.isEmpty()) {
            LintReport lint = lint(spec);
            return new PublishResult(apiId, "1", false, List.of(), score(lint.getScore()), level(lint));
        }
        int latest = api.get().getLatestVersion();
        VersionResponse stored = client.catalog().getVersion(apiId, latest);
        if (file.sha256().equals(stored.getContentSha256())) {
            return new PublishResult(apiId, Integer.toString(latest), true, List.of(),
                    score(stored.getSt90Score()), stored.getSt90Level());
        }
        String normalised = Files.readString(client.catalog().getVersionSpec(apiId, latest, "normalised").toPath());
        ParsedSpec next = parser.parse(file.bytes());
        List<String> breaking = new Differ().diff(parser.fromNormalised(normalised, stored.getSourceFormat()),
                        parser.fromNormalised(next.normalisedJson(), next.sourceFormat())).changes().stream()
                .filter(change -> change.classification() == Classification.BREAKING)
                .map(org.ipdex.catalog.diff.Change::message).toList();
        LintReport lint = lint(spec);
        return new PublishResult(apiId, Integer.toString(latest + 1), false, breaking, score(lint.getScore()),
                level(lint));
    }

    /**
     * The server's lint dry run. Sent as the spec's own bytes: the generated {@code createLintReport(byte[])} writes
     * a byte array as a JSON string (base64), which the server cannot read as a spec.
     */
    private LintReport lint(Path spec) throws ApiException, IOException {
        try {
            return new DirectCalls(client).post("/api/v1/catalog/lintReports", Map.of(), spec, "application/yaml",
                    sent -> { }, LintReport.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(e);
        }
    }

    private Optional<CatalogApiEntry> existing(String apiId) throws ApiException {
        try {
            return Optional.of(client.catalog().getApi(apiId));
        } catch (IpdexProblemException e) {
            if (e.problem().status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static List<String> breaking(List<Change> changes) {
        return changes.stream().filter(change -> "BREAKING".equals(String.valueOf(change.getClassification())))
                .map(Change::getMessage).toList();
    }

    private static Double score(Number score) {
        return score == null ? null : score.doubleValue();
    }

    private static String level(LintReport lint) {
        return lint.getLevel() == null ? null : lint.getLevel().toString();
    }
}
