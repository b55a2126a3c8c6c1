package org.ipdex.catalog.api;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.StoredSpecs;
import org.ipdex.catalog.spec.Bundle;
import org.ipdex.catalog.spec.ParsedSpec;
import org.ipdex.catalog.spec.SpecParser;
import org.ipdex.common.problem.NotFoundException;

import java.nio.charset.StandardCharsets;

/**
 * Stored versions read back for linting or diffing. The model comes from the normalised JSON — always one
 * self-contained document, also for bundles and converted Swagger 2.0 — and the original text is kept for lines.
 */
@Singleton
class StoredApiSpecs implements StoredSpecs {

    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final SpecParser parser;

    StoredApiSpecs(ApiRepository apis, ApiVersionRepository versions, SpecParser parser) {
        this.apis = apis;
        this.versions = versions;
        this.parser = parser;
    }

    @Override
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

    @Override
    public String office(String apiId) {
        return apis.findById(apiId).map(Api::officeCode).orElseThrow(() -> new NotFoundException("No API " + apiId));
    }
}
