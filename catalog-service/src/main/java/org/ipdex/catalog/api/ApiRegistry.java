package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.ipdex.catalog.diff.DiffReport;
import org.ipdex.catalog.diff.Differ;
import org.ipdex.catalog.lint.LintReport;
import org.ipdex.catalog.lint.LintTarget;
import org.ipdex.catalog.lint.Linter;
import org.ipdex.catalog.spec.ParsedSpec;
import org.ipdex.catalog.spec.SpecParser;
import org.ipdex.common.problem.ForbiddenException;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Registers specs as immutable versions of APIs: accept the upload, lint it, diff it against the latest version,
 * read its catalogue metadata — all before any transaction — then let {@link VersionStore} store it with its feed
 * event and audit entry. A rejected upload changes nothing. Creating an API and adding a version are two calls:
 * an id derived from a title that another API already has is a conflict, never a silent new version.
 */
@Singleton
public class ApiRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRegistry.class);
    private static final String SLUG = "[a-z0-9][a-z0-9-]{1,79}";

    private final SpecIntake intake;
    private final SpecParser parser;
    private final Linter linter;
    private final Differ differ;
    private final Stores stores;

    /** The two places a registration reads and writes. */
    @Singleton
    record Stores(ApiRepository apis, ApiVersionRepository versions, VersionStore store) {
    }

    ApiRegistry(SpecIntake intake, SpecParser parser, Linter linter, Differ differ, Stores stores) {
        this.intake = intake;
        this.parser = parser;
        this.linter = linter;
        this.differ = differ;
        this.stores = stores;
    }

    /**
     * @param diff   null for a first version or an unchanged upload
     * @param stored the version the API is at after the upload (the existing one when nothing changed)
     */
    public record Result(Api api, ApiVersion stored, RegistrationOutcome outcome, @Nullable DiffReport diff,
                         List<String> warnings) {
    }

    /**
     * {@code POST /apis}: a new API. An id that exists is a 409 ({@link ApiExistsException}) — unless the upload is
     * byte for byte the API's latest version from the same office, which answers that version: re-sending a
     * registration (a retry, the demo loader at every start) stores nothing and breaks nothing.
     */
    public Result create(Registration registration) {
        return register(registration, Intent.CREATE);
    }

    /** {@code POST /apis/{apiId}/versions} and the source-URL refresher: the next version of an existing API. */
    public Result addVersion(Registration registration) {
        return register(registration, Intent.ADD_VERSION);
    }

    private enum Intent { CREATE, ADD_VERSION }

    private Result register(Registration registration, Intent intent) {
        AcceptedSpec accepted = intake.accept(registration.upload());
        ParsedSpec spec = accepted.spec();
        String apiId = registration.apiId() != null ? registration.apiId()
                : slug(registration.officeCode(), spec.model().getInfo().getTitle());
        if (!apiId.matches(SLUG)) {
            throw InvalidInputException.parameter("apiId", "must match " + SLUG);
        }
        Optional<Api> existing = stores.apis().findById(apiId);
        if (intent == Intent.ADD_VERSION && existing.isEmpty()) {
            throw new NotFoundException("No API " + apiId);
        }
        boolean sameOffice = existing.map(api -> api.officeCode().equalsIgnoreCase(registration.officeCode()))
                .orElse(true);
        if (!sameOffice && intent == Intent.ADD_VERSION) {
            throw new ForbiddenException("API " + apiId + " belongs to office " + existing.get().officeCode());
        }
        Optional<ApiVersion> latest = existing.flatMap(api ->
                stores.versions().findByApiIdAndNumber(apiId, api.latestVersion()));
        if (sameOffice && latest.isPresent() && latest.get().contentSha256().equals(accepted.contentSha256())) {
            return new Result(existing.get(), latest.get(), RegistrationOutcome.UNCHANGED, null, spec.warnings());
        }
        if (intent == Intent.CREATE && existing.isPresent()) {
            throw new ApiExistsException(existing.get(), freeId(apiId));
        }
        LintReport lint = linter.lint(new LintTarget(spec, spec.originalText(), apiId));
        DiffReport diff = latest.map(previous -> diff(previous, spec)).orElse(null);
        Assessment assessment = new Assessment(lint, diff, MetadataExtractor.extract(spec.model(), accepted.sourceUrl()),
                Operations.of(spec.model()), Servers.of(spec.model(), accepted.sourceUrl()));
        VersionStore.Stored stored = stores.store().save(new NewVersion(registration, apiId, accepted, assessment,
                existing.map(Api::latestVersion).orElse(0)));
        RegistrationOutcome outcome = existing.isPresent() ? RegistrationOutcome.NEW_VERSION : RegistrationOutcome.CREATED;
        return new Result(stored.api(), stored.version(), outcome, diff, spec.warnings());
    }

    /**
     * Both sides are rebuilt from their normalised JSON so that the diff compares like with like (a converted
     * Swagger 2.0 model and a re-read 3.0 model differ in details that are not changes).
     */
    private DiffReport diff(ApiVersion previous, ParsedSpec next) {
        try {
            return differ.diff(parser.fromNormalised(previous.normalised(), previous.sourceFormat()),
                    parser.fromNormalised(next.normalisedJson(), next.sourceFormat()));
        } catch (RuntimeException bug) {
            // an office's version must not be refused because our diff engine tripped; the version shows no verdict
            LOG.warn("Diff of {} version {} against the new upload failed", previous.apiId(), previous.number(), bug);
            return null;
        }
    }

    /** The first of {@code id-2}, {@code id-3}, … that no API has, to offer in the 409. */
    private String freeId(String taken) {
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String base = taken.length() + suffix.length() > 80 ? taken.substring(0, 80 - suffix.length()) : taken;
            String candidate = base.replaceAll("-+$", "") + suffix;
            if (stores.apis().findById(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    static String slug(String officeCode, String title) {
        String words = (officeCode + "-" + title).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return words.length() > 80 ? words.substring(0, 80).replaceAll("-+$", "") : words;
    }
}
