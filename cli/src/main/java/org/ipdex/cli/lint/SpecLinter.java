package org.ipdex.cli.lint;

import org.ipdex.catalog.lint.Linter;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.RuleSettings;
import org.ipdex.catalog.lint.rules.LintRules;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Lints specs on disk with the catalogue's own parser and rules. The rules come from {@link LintRules} rather than
 * a bean context (which would cost a second of start-up per call), with the rules as written: an administrator's
 * overrides live in the service's database, which an offline lint does not have. Plain, so that the Maven plugin
 * can call it too.
 */
public final class SpecLinter {

    private final SpecInput input = new SpecInput();
    private final Linter linter = new Linter(LintRules.all(), RuleSettings.NONE);

    public LintedSpec lint(Path spec, Optional<String> main) {
        SpecInput.Read read = input.read(spec, main);
        return new LintedSpec(spec, read.linesFile(), linter.lint(read.spec()));
    }

    public List<RuleInfo> rules() {
        return linter.rules();
    }
}
