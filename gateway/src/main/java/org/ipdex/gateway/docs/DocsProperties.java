package org.ipdex.gateway.docs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Map;

/**
 * {@code ipdex.docs.*}: where each backend publishes its own OpenAPI document, and how often the merged one is
 * rebuilt.
 *
 * @param sources      backend name → path of its generated document on that backend
 * @param ownDocument  class-path location of the gateway's own generated document (the admin API)
 * @param refreshEvery how often the sources are fetched again; the merged document is rebuilt only when one changed
 * @param retryEvery   how soon a source that could not be fetched is tried again
 * @param fetchTimeout how long one source may take
 * @param serverUrl    the one server the merged document names: the gateway
 */
@ConfigurationProperties("ipdex.docs")
public record DocsProperties(Map<String, String> sources,
                             @Bindable(defaultValue = SourceDocuments.OWN_DOCUMENT) String ownDocument,
                             @Bindable(defaultValue = "5m") Duration refreshEvery,
                             @Bindable(defaultValue = "20s") Duration retryEvery,
                             @Bindable(defaultValue = "5s") Duration fetchTimeout,
                             @Bindable(defaultValue = PublicApiDocument.DEFAULT_SERVER_URL) String serverUrl) {
}
