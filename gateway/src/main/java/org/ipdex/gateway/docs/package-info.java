/**
 * {@code /docs}: the merged OpenAPI document of the public API and Swagger UI over it.
 *
 * <p>Each service publishes its own generated document (micronaut-openapi); {@link
 * org.ipdex.gateway.docs.SourceDocuments} fetches them ({@code ipdex.docs.sources.<backend>}: path on that backend)
 * and the gateway's own (the admin API), {@link org.ipdex.gateway.docs.OpenApiMerger} merges their public paths
 * (those the route table sends to that service; never {@code /internal/**}, {@code /health}, {@code /prometheus}),
 * components and tags on swagger-core's model, and {@link org.ipdex.gateway.docs.MergedApiDocument} caches the
 * result: rebuilt when a service's document changes ({@code ipdex.docs.refresh-every}, 5 min), retried sooner while
 * one is missing ({@code ipdex.docs.retry-every}), and saying in its {@code info.description} which part is
 * missing. The gateway is the document's only server ({@code ipdex.docs.server-url}, default {@code /}).
 *
 * <p>{@link org.ipdex.gateway.docs.PublicApiDocument} is the one recipe: {@link
 * org.ipdex.gateway.docs.BuildTimeDocument} runs it at build time over the services' generated files, and client/
 * generates the typed client from that output; client/'s stack test checks that it equals what {@code /docs} serves.
 */
package org.ipdex.gateway.docs;
