package org.ipdex.authority.ingest;

import org.ipdex.common.problem.ProblemError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Record errors of one file: all counted by kind of error, the first few listed with their line numbers. */
public final class ErrorLog {

    private final int maxListed;
    private final List<ProblemError> listed = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long total;

    public ErrorLog(int maxListed) {
        this.maxListed = maxListed;
    }

    public void add(long line, String type, String message) {
        total++;
        counts.merge(type, 1L, Long::sum);
        if (listed.size() < maxListed) {
            listed.add(ProblemError.atLine(line, null, message));
        }
    }

    /** Errors found in bulk after loading (duplicates): counted in full, listed while there is room. */
    public void addCounted(String type, long count, List<ProblemError> examples) {
        total += count;
        counts.merge(type, count, Long::sum);
        for (ProblemError example : examples) {
            if (listed.size() >= maxListed) {
                break;
            }
            listed.add(example);
        }
    }

    /**
     * Why a file with these errors is rejected as a whole, or empty when it is not: above the error rate, or any
     * error in strict mode. The service's ingest and the command-line validation ask this same question.
     */
    public java.util.Optional<String> rejection(long read, boolean strict, double maxErrorRate) {
        if (strict && total > 0) {
            return java.util.Optional.of("Strict mode: the file has " + total + " record error(s)");
        }
        double rate = read == 0 ? 0 : total / (double) read;
        if (rate > maxErrorRate) {
            return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                    "%d of %d entries have errors (%.2f%%, more than the %.2f%% allowed)", total, read,
                    rate * 100, maxErrorRate * 100));
        }
        return java.util.Optional.empty();
    }

    public long total() {
        return total;
    }

    public List<ProblemError> listed() {
        return List.copyOf(listed);
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }
}
