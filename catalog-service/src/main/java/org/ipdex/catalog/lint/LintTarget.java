package org.ipdex.catalog.lint;

import io.micronaut.core.annotation.Nullable;
import org.ipdex.catalog.spec.ParsedSpec;

/**
 * What to lint.
 *
 * @param originalText the text as uploaded, to give violations line numbers; null for none
 * @param apiId        the registered API, whose recorded exceptions apply; null for a dry run
 */
public record LintTarget(ParsedSpec spec, @Nullable String originalText, @Nullable String apiId) {
}
