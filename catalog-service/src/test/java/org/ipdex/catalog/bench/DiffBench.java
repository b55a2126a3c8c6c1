package org.ipdex.catalog.bench;

import org.ipdex.catalog.diff.Differ;
import org.ipdex.catalog.diff.Mutations;
import org.ipdex.catalog.lint.CorpusSpecs;
import org.ipdex.catalog.spec.SpecParser;
import org.openapitools.openapidiff.core.OpenApiCompare;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bench/diff: ipdex's diff against openapi-diff-core on the same pairs (synthetic next versions of the corpus), in
 * the same JVM, both warmed. Both sides include reading the two texts: openapi-diff's API takes texts, and so does a
 * registration. Pairs that either tool cannot read are left out.
 */
public final class DiffBench {

    private DiffBench() {
    }

    public static void main(String[] args) throws Exception {
        int stride = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        List<Mutations.Pair> all = new ArrayList<>();
        for (Map.Entry<String, byte[]> spec : CorpusSpecs.all().entrySet()) {
            all.addAll(Mutations.of(spec.getKey(), new String(spec.getValue(), StandardCharsets.UTF_8)));
        }
        SpecParser parser = new SpecParser();
        Differ differ = new Differ();
        List<Mutations.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < all.size(); i += stride) {
            Mutations.Pair pair = all.get(i);
            try {
                OpenApiCompare.fromContents(pair.before(), pair.after());
                differ.diff(parse(parser, pair.before()), parse(parser, pair.after()));
                pairs.add(pair);
            } catch (RuntimeException unreadable) {
                // not a pair both can read
            }
        }
        // the loop above was the warm-up for both; now one timed pass each, alternating to share any noise
        long ours = 0;
        long oursDiffOnly = 0;
        long theirs = 0;
        long sink = 0;
        for (Mutations.Pair pair : pairs) {
            long start = System.nanoTime();
            org.ipdex.catalog.spec.ParsedSpec before = parse(parser, pair.before());
            org.ipdex.catalog.spec.ParsedSpec after = parse(parser, pair.after());
            long parsed = System.nanoTime();
            sink += differ.diff(before, after).changes().size();
            long middle = System.nanoTime();
            oursDiffOnly += middle - parsed;
            sink += OpenApiCompare.fromContents(pair.before(), pair.after()).isIncompatible() ? 1 : 0;
            long end = System.nanoTime();
            ours += middle - start;
            theirs += end - middle;
        }
        System.out.printf("pairs=%d (of %d, stride %d) sink=%d%n", pairs.size(), all.size(), stride, sink);
        System.out.printf("ipdex_ms_per_pair=%.3f%n", ours / 1e6 / pairs.size());
        System.out.printf("ipdex_compare_only_ms_per_pair=%.3f (the two specs already parsed, as at registration)%n",
                oursDiffOnly / 1e6 / pairs.size());
        System.out.printf("openapidiff_ms_per_pair=%.3f%n", theirs / 1e6 / pairs.size());
        System.out.printf("ratio_openapidiff_over_ipdex=%.2f%n", (double) theirs / ours);
    }

    private static org.ipdex.catalog.spec.ParsedSpec parse(SpecParser parser, String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
