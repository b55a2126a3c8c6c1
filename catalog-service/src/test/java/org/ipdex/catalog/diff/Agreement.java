package org.ipdex.catalog.diff;

import org.ipdex.catalog.spec.ParsedSpec;
import org.ipdex.catalog.spec.SpecParser;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Our breaking/non-breaking verdict against openapi-diff-core's on the same pairs. Ours counts as "breaking" when it
 * is BREAKING or POSSIBLY_BREAKING (openapi-diff has no middle ground and flags, e.g., a new response enum value as
 * incompatible); theirs when {@link ChangedOpenApi#isIncompatible()}.
 */
public final class Agreement {

    public record Outcome(String pair, Verdict ours, String theirs, boolean agree, List<Change> evidence) {
    }

    public record Result(int pairs, int agreed, List<Outcome> disagreements) {
        public double percent() {
            return pairs == 0 ? 100 : 100.0 * agreed / pairs;
        }
    }

    private Agreement() {
    }

    public static Result measure(List<Mutations.Pair> pairs) {
        SpecParser parser = new SpecParser();
        Differ differ = new Differ();
        int agreed = 0;
        int total = 0;
        List<Outcome> disagreements = new ArrayList<>();
        for (Mutations.Pair pair : pairs) {
            ChangedOpenApi theirs;
            ParsedSpec before;
            ParsedSpec after;
            try {
                theirs = OpenApiCompare.fromContents(pair.before(), pair.after());
                before = parser.parse(pair.before().getBytes(StandardCharsets.UTF_8));
                after = parser.parse(pair.after().getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException oneSideCannotRead) {
                continue; // not a pair both tools can read: it says nothing about agreement
            }
            DiffReport ours = differ.diff(before, after);
            boolean oursBreaking = ours.verdict() == Verdict.BREAKING || ours.verdict() == Verdict.POSSIBLY_BREAKING;
            boolean agree = oursBreaking == theirs.isIncompatible();
            total++;
            if (agree) {
                agreed++;
            } else {
                String verdict = theirs.isIncompatible() ? "INCOMPATIBLE" : theirs.isUnchanged() ? "NO_CHANGES"
                        : theirs.isCompatible() ? "COMPATIBLE" : "METADATA";
                disagreements.add(new Outcome(pair.name(), ours.verdict(), verdict, false,
                        ours.changes().stream().limit(5).toList()));
            }
        }
        return new Result(total, agreed, disagreements);
    }
}
