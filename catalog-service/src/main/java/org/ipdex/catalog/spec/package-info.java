/**
 * Reading uploads safely: {@link org.ipdex.catalog.spec.DocumentReader} (limits, line and column errors),
 * {@link org.ipdex.catalog.spec.BundleReader} (zip and multipart, bounded inflation, no path traversal),
 * reference checks, and {@link org.ipdex.catalog.spec.SpecParser}, which hands swagger-parser only what passed.
 */
package org.ipdex.catalog.spec;
