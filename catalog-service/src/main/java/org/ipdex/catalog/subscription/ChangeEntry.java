package org.ipdex.catalog.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.ipdex.catalog.api.VersionSummary;

import java.time.Instant;

/**
 * One entry of a change feed in JSON, for clients that ask for {@code application/json} instead of Atom.
 *
 * @param kind {@code new-version} or {@code breaking-change}, as the Atom category
 */
@Serdeable
public record ChangeEntry(String apiId, String title, int version, @Nullable String specVersion, String kind,
                          @Nullable String st90Level, @Nullable Integer st90Score, @Nullable String diffVerdict,
                          String link, Instant createdAt) {

    static ChangeEntry of(VersionSummary version, String title, PublicLinks links) {
        return new ChangeEntry(version.apiId(), title, version.number(), version.specVersion(),
                version.breakingChange() ? "breaking-change" : "new-version", version.st90Level(),
                version.st90Score(), version.diffVerdict(), links.version(version.apiId(), version.number()),
                version.createdAt());
    }
}
