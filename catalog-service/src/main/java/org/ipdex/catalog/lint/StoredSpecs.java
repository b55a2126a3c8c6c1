package org.ipdex.catalog.lint;

import jakarta.inject.Singleton;
import org.ipdex.catalog.api.ApiRepository;
import org.ipdex.catalog.api.ApiVersion;
import org.ipdex.catalog.api.ApiVersionRepository;
import org.ipdex.catalog.spec.Bundle;
import org.ipdex.catalog.spec.ParsedSpec;
import org.ipdex.catalog.spec.SpecParser;
import org.ipdex.common.problem.NotFoundException;

import java.nio.charset.StandardCharsets;

/**
 * A stored version, read back for linting or diffing. The model comes from the normalised JSON — always one
 * self-contained document, also for bundles and converted Swagger 2.0 — and the original text is kept for lines.
 */
@Singleton
public class StoredSpecs {

    /** A stored version as a spec plus its original text. */
    public record StoredSpec(String apiId, int number, ParsedSpec spec, String originalText) {
    }

    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final SpecParser parser;

    StoredSpecs(ApiRepository apis, ApiVersionRepository versions, SpecParser parser) {
        this.apis = apis;
        this.versions = versions;
        this.parser = parser;
    }

    public StoredSpec load(String apiId, int number) {
        if (!apis.existsById(apiId)) {
            throw new NotFoundException("No API " + apiId);
        }
        ApiVersion version = versions.findByApiIdAndNumber(apiId, number)
                .orElseThrow(() -> new NotFoundException("API " + apiId + " has no version " + number));
        ParsedSpec spec = Bundle.MEDIA_TYPE.equals(version.mediaType())
                ? parser.fromNormalised(version.normalised(), version.sourceFormat())
                : parser.fromStored(version.normalised(), version.sourceFormat(), version.original());
        return new StoredSpec(apiId, number, spec, new String(version.original(), StandardCharsets.UTF_8));
    }
}
