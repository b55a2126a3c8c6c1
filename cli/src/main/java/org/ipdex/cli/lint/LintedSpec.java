package org.ipdex.cli.lint;

import org.ipdex.catalog.lint.LintReport;

import java.nio.file.Path;

/**
 * One spec's ST.90 report.
 *
 * @param input     what was named on the command line
 * @param linesFile the file the violations' line numbers refer to (a bundle's main file)
 */
public record LintedSpec(Path input, Path linesFile, LintReport report) {
}
