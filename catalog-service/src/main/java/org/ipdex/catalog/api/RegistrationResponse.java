package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer to an upload: the API, the version the upload is now, whether anything was stored, and what lint
 * and diff said.
 *
 * @param breakingChange the new version breaks clients of an API in production — also said in {@link #alert}
 * @param warnings       what was forgiven while reading the files (fix them before the next upload)
 */
@Serdeable
public record RegistrationResponse(ApiResponse api, int version, RegistrationOutcome outcome,
                                   @Nullable Integer st90Score, @Nullable String st90Level,
                                   @Nullable String diffVerdict, @Nullable Integer breakingChanges,
                                   boolean breakingChange, @Nullable String alert, List<String> warnings) {

    static RegistrationResponse of(ApiRegistry.Result result) {
        ApiVersion version = result.stored();
        Integer breakingCount = result.diff() == null ? null : result.diff().breaking();
        String alert = version.breakingChange() && result.outcome() != RegistrationOutcome.UNCHANGED
                ? "BREAKING CHANGE: version " + version.number() + " of production API " + version.apiId() + " has "
                + breakingCount + " breaking change(s) against version " + (version.number() - 1)
                + "; its clients will fail. See GET /api/v1/catalog/apis/" + version.apiId() + "/diff?from="
                + (version.number() - 1) + "&to=" + version.number()
                : null;
        return new RegistrationResponse(ApiResponse.of(result.api()), version.number(), result.outcome(),
                version.st90Score(), version.st90Level(), version.diffVerdict(), breakingCount,
                version.breakingChange(), alert, result.warnings());
    }
}
