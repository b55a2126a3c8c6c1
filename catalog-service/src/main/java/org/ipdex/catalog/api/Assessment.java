package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import org.ipdex.catalog.diff.DiffReport;
import org.ipdex.catalog.lint.LintReport;

import java.util.List;

/**
 * What the catalogue worked out about a new version before storing it.
 *
 * @param diff against the previous version; null for the first version, or when the diff engine failed
 */
record Assessment(LintReport lint, @Nullable DiffReport diff, ApiMetadata specMetadata,
                  List<OperationDocument> operations, List<String> servers) {
}
