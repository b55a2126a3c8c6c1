package org.ipdex.catalog.api;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.ipdex.catalog.audit.AuditAction;
import org.ipdex.catalog.audit.AuditLog;
import org.ipdex.catalog.diff.DiffReport;
import org.ipdex.catalog.diff.Verdict;
import org.ipdex.catalog.lint.LintReport;
import org.ipdex.common.problem.ConflictException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stores a new version, its API row, its change-feed event and its audit entry in one transaction. All the slow
 * work (parsing, lint, diff) happened before, outside the transaction; here the API row is locked and the version
 * is refused if another upload stored one since the assessment was made.
 */
@Singleton
class VersionStore {

    record Stored(Api api, ApiVersion version) {
    }

    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final ApiFeed feed;
    private final AuditLog audit;
    private final JsonMapper json;

    VersionStore(ApiRepository apis, ApiVersionRepository versions, ApiFeed feed, AuditLog audit, JsonMapper json) {
        this.apis = apis;
        this.versions = versions;
        this.feed = feed;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    Stored save(NewVersion next) {
        try {
            return store(next);
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                throw new ConflictException("API " + next.apiId() + " was registered by another upload at the same "
                        + "moment; send this one again");
            }
            throw e;
        }
    }

    private Stored store(NewVersion next) {
        Optional<Api> existing = apis.findByIdForUpdate(next.apiId());
        if (existing.map(Api::latestVersion).orElse(0) != next.previousNumber()) {
            throw new ConflictException("API " + next.apiId() + " got version " + existing.get().latestVersion()
                    + " while this upload was being checked; send it again");
        }
        Registration registration = next.registration();
        AcceptedSpec accepted = next.accepted();
        Assessment assessment = next.assessment();
        Instant now = Timestamps.now();
        int number = next.previousNumber() + 1;
        String overrides = existing.map(Api::metadataOverrides).orElse("{}");
        String specMetadata = MetadataPatch.write(assessment.specMetadata());
        ApiMetadata effective = MetadataPatch.effective(specMetadata, overrides);
        // breaking matters to the people who relied on the API as it was: its lifecycle before this version
        boolean breaking = existing.map(api -> "production".equals(api.lifecycle())).orElse(false)
                && assessment.diff() != null && assessment.diff().verdict() == Verdict.BREAKING;
        Api api = new Api(next.apiId(), registration.officeCode().toUpperCase(Locale.ROOT),
                effective.title() != null ? effective.title() : accepted.spec().model().getInfo().getTitle(),
                effective.description(), effective.lifecycleOrDefault(), number,
                existing.map(Api::createdAt).orElse(now), now, specMetadata, overrides,
                existing.map(Api::revision).orElse(0L) + 1, accepted.sourceUrl(),
                accepted.sourceUrl() == null ? null : now, existing.map(Api::endpointStatus).orElse("UNKNOWN"));
        if (existing.isPresent()) {
            apis.update(api);
        } else {
            apis.save(api);
        }
        LintReport lint = assessment.lint();
        DiffReport diff = assessment.diff();
        ApiVersion version = versions.save(new ApiVersion(null, api.id(), number,
                accepted.spec().model().getInfo().getVersion(), accepted.spec().sourceFormat(),
                accepted.contentSha256(), accepted.original(), accepted.spec().normalisedJson(), registration.actor(),
                now, accepted.mediaType(), accepted.origin(), accepted.sourceUrl(), lint.score(), lint.level().name(),
                diff == null ? null : diff.verdict().name(), breaking, write(assessment.servers()),
                write(assessment.operations()), write(accepted.spec().warnings())));
        feed.publish(api, version);
        feed.versionPublished(api, version);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("contentSha256", accepted.contentSha256());
        detail.put("origin", accepted.origin());
        detail.put("st90Score", lint.score());
        if (diff != null) {
            detail.put("diffVerdict", diff.verdict().name());
            detail.put("breakingChange", breaking);
        }
        if (existing.isEmpty()) {
            audit.record(registration.actor(), new AuditLog.Change(AuditAction.API_CREATED, api.officeCode(), api.id(),
                    number, Map.of("title", api.title())));
        }
        audit.record(registration.actor(), new AuditLog.Change(AuditAction.VERSION_CREATED, api.officeCode(),
                api.id(), number, detail));
        return new Stored(api, version);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
