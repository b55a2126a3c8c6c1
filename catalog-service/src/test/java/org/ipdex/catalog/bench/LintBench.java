package org.ipdex.catalog.bench;

import org.ipdex.catalog.lint.CorpusSpecs;
import org.ipdex.catalog.lint.Linter;
import org.ipdex.catalog.lint.RuleSettings;
import org.ipdex.catalog.lint.rules.LintRules;
import org.ipdex.catalog.spec.ParsedSpec;
import org.ipdex.catalog.spec.SpecParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bench/lint: ipdex's parse + lint per spec in a warmed JVM, over the corpus. Writes the specs it used to the
 * directory given as the first argument, so Spectral lints exactly the same files. Prints {@code ipdex_ms_per_spec}.
 */
public final class LintBench {

    private LintBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Files.createDirectories(out);
        SpecParser parser = new SpecParser();
        List<byte[]> specs = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, byte[]> entry : CorpusSpecs.all().entrySet()) {
            try {
                parser.parse(entry.getValue());
            } catch (RuntimeException unreadable) {
                continue; // neither tool is measured on a spec ipdex refuses
            }
            String name = entry.getKey();
            String extension = name.endsWith(".yaml") || name.endsWith(".yml") ? ".yaml" : ".json";
            Files.write(out.resolve(String.format("spec-%03d%s", index++, extension)), entry.getValue());
            specs.add(entry.getValue());
        }
        Linter linter = new Linter(LintRules.all(), RuleSettings.NONE);
        long sink = 0;
        for (int warm = 0; warm < 2; warm++) {
            sink += lintAll(parser, linter, specs);
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            sink += lintAll(parser, linter, specs);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("specs=%d rules=%d violations=%d%n", specs.size(), LintRules.all().size(), sink);
        System.out.printf("ipdex_total_ms=%.1f%n", best / 1e6);
        System.out.printf("ipdex_ms_per_spec=%.3f%n", best / 1e6 / specs.size());
    }

    private static long lintAll(SpecParser parser, Linter linter, List<byte[]> specs) {
        long violations = 0;
        for (byte[] spec : specs) {
            ParsedSpec parsed = parser.parse(spec);
            violations += linter.lint(parsed).violations().size();
        }
        return violations;
    }
}
