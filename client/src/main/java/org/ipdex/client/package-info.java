/**
 * The typed client of ipdex's public API. The operation groups ({@code org.ipdex.client.api}), their models
 * ({@code org.ipdex.client.model}) and the HTTP runtime ({@code org.ipdex.client.invoker}) are generated at build
 * time from the gateway's merged OpenAPI document; this package only configures them ({@link
 * org.ipdex.client.IpdexClient}, {@link org.ipdex.client.ClientSettings}) and raises problem documents as {@link
 * org.ipdex.client.IpdexProblemException}. See client/README.md.
 */
package org.ipdex.client;
