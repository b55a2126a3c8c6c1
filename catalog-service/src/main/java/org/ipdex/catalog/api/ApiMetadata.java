package org.ipdex.catalog.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The catalogue's description of an API, in the WIPO API Catalog's vocabulary (see {@link Vocabularies}).
 * Read from the spec's {@code x-*} fields by {@link MetadataExtractor}; any field can be overridden by the office
 * with a JSON merge patch ({@link MetadataPatch}).
 *
 * @param accessModel    {@code open}, {@code registration} or {@code paid}
 * @param authentication from the security schemes: {@code apiKey}, {@code http-basic}, {@code http-bearer},
 *                       {@code oauth2}, {@code openIdConnect}, {@code mutualTLS}
 * @param lifecycle      {@code draft}, {@code production}, {@code deprecated} or {@code retired}
 * @param sunsetDate     ISO date after which the API may be switched off
 * @param healthPath     a path probed on each server instead of the server URL itself
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiMetadata(@Nullable String title, @Nullable String description, @Nullable List<String> ipDomains,
                          @Nullable List<String> serviceTypes, @Nullable List<String> contentTypes,
                          @Nullable List<String> languages, @Nullable String accessModel,
                          @Nullable List<String> authentication, @Nullable String lifecycle,
                          @Nullable String sunsetDate, @Nullable String productPageUrl,
                          @Nullable String specSourceUrl, @Nullable String healthPath) {

    public static final String DEFAULT_LIFECYCLE = "production";

    public String lifecycleOrDefault() {
        return lifecycle == null ? DEFAULT_LIFECYCLE : lifecycle;
    }
}
