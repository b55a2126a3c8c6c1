package org.ipdex.catalog.api;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.ipdex.catalog.spec.ParsedSpec;
import org.ipdex.catalog.spec.SpecParser;
import org.ipdex.common.feed.ChangeFeed;
import org.ipdex.common.problem.ForbiddenException;
import org.ipdex.common.problem.InvalidInputException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** Registers specs as immutable versions of APIs and tells the change feed, in one transaction. */
@Singleton
public class ApiRegistry {

    private static final String SLUG = "[a-z0-9][a-z0-9-]{1,79}";

    private final SpecParser parser;
    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final ChangeFeed feed;

    public ApiRegistry(SpecParser parser, ApiRepository apis, ApiVersionRepository versions, ChangeFeed feed) {
        this.parser = parser;
        this.apis = apis;
        this.versions = versions;
        this.feed = feed;
    }

    public record Result(Api api, int versionNumber, RegistrationOutcome outcome) {
    }

    @Transactional
    public Result register(Registration registration) {
        ParsedSpec spec = parser.parse(registration.content());
        String title = spec.model().getInfo().getTitle();
        if (title == null || title.isBlank()) {
            throw InvalidInputException.parameter("info.title", "a spec needs a title");
        }
        String apiId = registration.apiId() != null ? registration.apiId() : slug(registration.officeCode(), title);
        if (!apiId.matches(SLUG)) {
            throw InvalidInputException.parameter("apiId", "must match " + SLUG);
        }
        String sha = sha256(registration.content());
        Optional<Api> existing = apis.findById(apiId);
        existing.filter(api -> !api.officeCode().equalsIgnoreCase(registration.officeCode())).ifPresent(api -> {
            throw new ForbiddenException("API " + apiId + " belongs to office " + api.officeCode());
        });
        if (existing.isPresent()) {
            ApiVersion latest = versions.findByApiIdAndNumber(apiId, existing.get().latestVersion()).orElseThrow();
            if (latest.contentSha256().equals(sha)) {
                return new Result(existing.get(), latest.number(), RegistrationOutcome.UNCHANGED);
            }
        }
        Instant now = Instant.now();
        int number = existing.map(api -> api.latestVersion() + 1).orElse(1);
        Api api = new Api(apiId, registration.officeCode().toUpperCase(Locale.ROOT), title,
                spec.model().getInfo().getDescription(), existing.map(Api::lifecycle).orElse("production"), number,
                existing.map(Api::createdAt).orElse(now), now);
        if (existing.isPresent()) {
            apis.update(api);
        } else {
            apis.save(api);
        }
        versions.save(new ApiVersion(null, apiId, number, spec.model().getInfo().getVersion(),
                spec.sourceFormat(), sha, registration.content(), spec.normalisedJson(), registration.actor(), now));
        feed.append(ApiDocument.UPSERTED, apiId, number, new ApiDocument(apiId, api.officeCode(), title,
                api.description(), api.lifecycle(), number, spec.model().getInfo().getVersion(), spec.sourceFormat(),
                now, Operations.of(spec.model())));
        return new Result(api, number, existing.isPresent() ? RegistrationOutcome.NEW_VERSION : RegistrationOutcome.CREATED);
    }

    static String slug(String officeCode, String title) {
        String words = (officeCode + "-" + title).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return words.length() > 80 ? words.substring(0, 80).replaceAll("-+$", "") : words;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
