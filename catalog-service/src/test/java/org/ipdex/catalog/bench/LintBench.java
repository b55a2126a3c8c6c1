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
 * directory given as the first argument, so Spectral lints exactly the same files. Prints each file's best time
 * ({@code perfile NAME MS}, so the script can compare on exactly the files Spectral finished) and the mean.
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
        List<String> names = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, byte[]> entry : CorpusSpecs.all().entrySet()) {
            try {
                parser.parse(entry.getValue());
            } catch (RuntimeException unreadable) {
                continue; // neither tool is measured on a spec ipdex refuses
            }
            String name = entry.getKey();
            String extension = name.endsWith(".yaml") || name.endsWith(".yml") ? ".yaml" : ".json";
            String file = String.format("spec-%03d%s", index++, extension);
            Files.write(out.resolve(file), entry.getValue());
            names.add(file);
            specs.add(entry.getValue());
        }
        Linter linter = new Linter(LintRules.all(), RuleSettings.NONE);
        long sink = 0;
        for (int warm = 0; warm < 2; warm++) {
            sink += lintAll(parser, linter, specs, null);
        }
        long[] best = new long[specs.size()];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        for (int round = 0; round < rounds; round++) {
            sink += lintAll(parser, linter, specs, best);
        }
        long total = java.util.Arrays.stream(best).sum();
        for (int i = 0; i < best.length; i++) {
            System.out.printf("perfile %s %.3f%n", names.get(i), best[i] / 1e6);
        }
        System.out.printf("specs=%d rules=%d violations=%d%n", specs.size(), LintRules.all().size(), sink);
        System.out.printf("ipdex_total_ms=%.1f%n", total / 1e6);
        System.out.printf("ipdex_ms_per_spec=%.3f%n", total / 1e6 / specs.size());
    }

    /** Parses and lints each spec; with {@code best}, keeps each spec's fastest time (the least disturbed run). */
    private static long lintAll(SpecParser parser, Linter linter, List<byte[]> specs, long[] best) {
        long violations = 0;
        for (int i = 0; i < specs.size(); i++) {
            long start = System.nanoTime();
            ParsedSpec parsed = parser.parse(specs.get(i));
            violations += linter.lint(parsed).violations().size();
            if (best != null) {
                best[i] = Math.min(best[i], System.nanoTime() - start);
            }
        }
        return violations;
    }
}
