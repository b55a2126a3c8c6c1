package org.ipdex.catalog.lint;

import jakarta.inject.Singleton;
import org.ipdex.catalog.spec.ParsedSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every {@link LintRule} over a spec and scores the result (see {@link LintReport} and {@link Grade}).
 * Stateless apart from the settings it reads, so one instance serves concurrent requests.
 */
@Singleton
public class Linter {

    private static final Logger LOG = LoggerFactory.getLogger(Linter.class);
    private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::severity)
            .thenComparing(Violation::pointer).thenComparing(Violation::ruleId);

    private final List<LintRule> rules;
    private final RuleSettings settings;

    public Linter(List<LintRule> rules, RuleSettings settings) {
        this.rules = rules.stream().sorted(Comparator.comparing(rule -> rule.info().id())).toList();
        this.settings = settings;
    }

    /** Lints with line numbers when the spec carries its original text. */
    public LintReport lint(ParsedSpec spec) {
        return lint(new LintTarget(spec, spec.originalText(), null));
    }

    public LintReport lint(ParsedSpec spec, String originalText) {
        return lint(new LintTarget(spec, originalText, null));
    }

    public LintReport lint(LintTarget target) {
        SpecContext context = SpecContext.of(target.spec().model(), target.spec().source());
        Map<String, RuleSettings.RuleOverride> overrides = settings.overrides();
        Set<String> exceptions = target.apiId() == null ? Set.of() : settings.exceptedRules(target.apiId());
        LineIndex lines = target.originalText() == null ? LineIndex.empty() : LineIndex.of(target.originalText());
        List<Violation> counted = new ArrayList<>();
        List<Violation> excepted = new ArrayList<>();
        Set<Level> failedLevels = new HashSet<>();
        int checked = 0;
        int failed = 0;
        int totalWeight = 0;
        int failedWeight = 0;
        for (LintRule rule : rules) {
            RuleInfo info = rule.info();
            RuleSettings.RuleOverride override = overrides.get(info.id());
            if (override != null && !override.enabled()) {
                continue;
            }
            Level level = override != null && override.level() != null ? override.level() : info.level();
            boolean isExcepted = exceptions.contains(info.id());
            List<Violation> found = run(rule, context);
            checked++;
            totalWeight += level.weight();
            for (Violation violation : found) {
                Violation placed = violation.with(level, lines.line(violation.pointer()).orElse(null), isExcepted);
                (isExcepted ? excepted : counted).add(placed);
            }
            if (!found.isEmpty() && !isExcepted) {
                failed++;
                failedWeight += level.weight();
                failedLevels.add(level);
            }
        }
        counted.sort(ORDER);
        excepted.sort(ORDER);
        int score = totalWeight == 0 ? 100 : Math.round(100f * (totalWeight - failedWeight) / totalWeight);
        Grade grade = Grade.of(score, failedLevels.contains(Level.MUST), failedLevels.contains(Level.SHOULD));
        LintReport.Counts counts = new LintReport.Counts(count(counted, Level.MUST), count(counted, Level.SHOULD),
                count(counted, Level.MAY));
        return new LintReport(score, grade, checked, failed, counts, List.copyOf(counted), List.copyOf(excepted));
    }

    /** The rules as written, for listings; {@link RuleSettings} says what an administrator changed. */
    public List<RuleInfo> rules() {
        return rules.stream().map(LintRule::info).toList();
    }

    private static List<Violation> run(LintRule rule, SpecContext context) {
        try {
            return rule.check(context);
        } catch (RuntimeException bug) {
            // a rule that trips over an odd but valid spec must not cost the office its whole report
            LOG.warn("Lint rule {} failed; it is skipped for this spec", rule.info().id(), bug);
            return List.of();
        }
    }

    private static long count(List<Violation> violations, Level level) {
        return violations.stream().filter(v -> v.severity() == level).count();
    }
}
