/**
 * One class per ST.90 rule. A rule is a {@code @Singleton} implementing {@link org.ipdex.catalog.lint.LintRule}; its
 * id is a stable slug {@code st90.<section>.<name>}, because settings, exceptions and stored reports refer to it.
 */
package org.ipdex.catalog.lint.rules;
