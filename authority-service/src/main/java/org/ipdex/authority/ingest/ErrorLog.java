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
