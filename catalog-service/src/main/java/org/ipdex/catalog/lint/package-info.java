/**
 * The WIPO ST.90 lint engine: {@link org.ipdex.catalog.lint.Linter} runs every
 * {@link org.ipdex.catalog.lint.LintRule} (one class each, in {@code .rules}) over a spec, maps violations' JSON
 * pointers to lines of the original text, applies an administrator's rule settings and an office's recorded
 * exceptions, and scores the result. The controllers here serve reports and settings. Stored versions are read
 * through {@link org.ipdex.catalog.lint.StoredSpecs}, a port that {@code api} implements.
 */
package org.ipdex.catalog.lint;
