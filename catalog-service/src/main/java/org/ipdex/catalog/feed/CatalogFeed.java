package org.ipdex.catalog.feed;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.ipdex.catalog.api.Api;
import org.ipdex.catalog.api.ApiDocument;
import org.ipdex.catalog.api.ApiEvents;
import org.ipdex.catalog.api.ApiFeed;
import org.ipdex.catalog.api.ApiMetadata;
import org.ipdex.catalog.api.ApiVersion;
import org.ipdex.catalog.api.MetadataPatch;
import org.ipdex.catalog.api.OperationDocument;
import org.ipdex.catalog.office.Office;
import org.ipdex.catalog.office.OfficeRepository;
import org.ipdex.common.feed.ChangeFeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The catalogue's outbox: an API's whole document and what happened to it, as change-feed rows in the transaction
 * that changed the API. The operations come from the version row, so a metadata change or a probe result does not
 * re-parse the spec.
 */
@Singleton
class CatalogFeed implements ApiFeed {

    private static final Argument<List<OperationDocument>> OPERATIONS = Argument.listOf(OperationDocument.class);

    private final ChangeFeed feed;
    private final JsonMapper json;
    private final OfficeRepository offices;

    CatalogFeed(ChangeFeed feed, JsonMapper json, OfficeRepository offices) {
        this.feed = feed;
        this.json = json;
        this.offices = offices;
    }

    @Override
    public void publish(Api api, ApiVersion latest) {
        feed.append(ApiDocument.UPSERTED, api.id(), api.revision(), document(api, latest));
    }

    @Override
    public void versionPublished(Api api, ApiVersion version) {
        feed.append(ApiEvents.VERSION_PUBLISHED, api.id(), version.number(), new ApiEvents.VersionPublished(api.id(),
                api.officeCode(), api.title(), api.lifecycle(), version.number(), version.specVersion(),
                version.diffVerdict(), version.breakingChange(), version.st90Score(), version.st90Level()));
    }

    @Override
    public void endpointChanged(Api before, Api after) {
        feed.append(ApiEvents.ENDPOINT_CHANGED, after.id(), after.revision(), new ApiEvents.EndpointChanged(after.id(),
                after.officeCode(), after.title(), before.endpointStatus(), after.endpointStatus()));
    }

    private ApiDocument document(Api api, ApiVersion latest) {
        ApiMetadata metadata = MetadataPatch.effective(api.specMetadata(), api.metadataOverrides());
        // the name the office gave itself, when it has a profile; search falls back to the ST.3 list
        String officeName = offices.findById(api.officeCode()).map(Office::name).orElse(null);
        return new ApiDocument(api.id(), api.officeCode(), officeName, api.title(), api.description(), api.lifecycle(),
                latest.number(), latest.specVersion(), latest.sourceFormat(), api.updatedAt(), operations(latest),
                orEmpty(metadata.ipDomains()), orEmpty(metadata.serviceTypes()), orEmpty(metadata.contentTypes()),
                orEmpty(metadata.languages()), metadata.accessModel(), orEmpty(metadata.authentication()),
                metadata.sunsetDate(), metadata.productPageUrl(), metadata.specSourceUrl(), latest.st90Level(),
                latest.st90Score(), latest.diffVerdict(), latest.breakingChange(), api.endpointStatus());
    }

    private List<OperationDocument> operations(ApiVersion version) {
        try {
            return json.readValue(version.operations(), OPERATIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
