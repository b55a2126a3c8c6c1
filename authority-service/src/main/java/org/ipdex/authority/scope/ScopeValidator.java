package org.ipdex.authority.scope;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a scope document ({@code {"entries": [{"office", "kinds", "fromYear", "toYear", "note"}]}}) from the JSON
 * tree rather than a bound record, so that a wrong type ({@code "fromYear": "soon"}) is reported with its JSON
 * pointer like every other mistake, all of them in one answer.
 */
@Singleton
public final class ScopeValidator {

    private static final Pattern OFFICE = Pattern.compile("[A-Z]{2}");
    private static final Pattern KIND = Pattern.compile("[A-Z][0-9]?");
    /** Before the Paris Convention no office we know of numbered documents in a way ST.37 describes. */
    static final int EARLIEST_YEAR = 1790;
    private static final int MAX_NOTE = 500;
    private static final int MAX_ENTRIES = 1000;

    private final Clock clock;

    @Inject
    public ScopeValidator() {
        this(Clock.systemUTC());
    }

    ScopeValidator(Clock clock) {
        this.clock = clock;
    }

    public List<ScopeEntry> read(JsonNode body) {
        List<ProblemError> errors = new ArrayList<>();
        List<ScopeEntry> entries = new ArrayList<>(); // null where an entry is invalid, to keep indices
        JsonNode list = body == null || !body.isObject() ? null : body.get("entries");
        if (list == null || !list.isArray() || list.size() == 0) {
            errors.add(ProblemError.atPointer("/entries", "must be a non-empty array of scope entries"));
        } else if (list.size() > MAX_ENTRIES) {
            errors.add(ProblemError.atPointer("/entries", "at most " + MAX_ENTRIES + " entries"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                ScopeEntry entry = entry(list.get(i), "/entries/" + i, errors);
                if (entry != null) {
                    overlap(entries, entry, i, errors);
                }
                entries.add(entry);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The scope has " + errors.size() + " error(s)", errors);
        }
        return entries;
    }

    private ScopeEntry entry(JsonNode node, String at, List<ProblemError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(ProblemError.atPointer(at, "must be an object"));
            return null;
        }
        int before = errors.size();
        String office = office(node.get("office"), at + "/office", errors);
        List<String> kinds = kinds(node.get("kinds"), at + "/kinds", errors);
        int maxYear = Year.now(clock).getValue() + 10;
        Integer fromYear = year(node.get("fromYear"), at + "/fromYear", true, maxYear, errors);
        Integer toYear = year(node.get("toYear"), at + "/toYear", false, maxYear, errors);
        if (fromYear != null && toYear != null && toYear < fromYear) {
            errors.add(ProblemError.atPointer(at + "/toYear", "must not be before fromYear (" + fromYear + ")"));
        }
        String note = note(node.get("note"), at + "/note", errors);
        return errors.size() > before ? null : new ScopeEntry(office, kinds, fromYear, toYear, note);
    }

    private static String office(JsonNode node, String at, List<ProblemError> errors) {
        if (node == null || !node.isString()) {
            errors.add(ProblemError.atPointer(at, "required: an ST.3 office code such as EP"));
            return null;
        }
        String office = node.getStringValue().strip().toUpperCase(Locale.ROOT);
        if (!OFFICE.matcher(office).matches()) {
            errors.add(ProblemError.atPointer(at, "not an ST.3 office code (two letters)"));
            return null;
        }
        return office;
    }

    private static List<String> kinds(JsonNode node, String at, List<ProblemError> errors) {
        if (node == null || !node.isArray() || node.size() == 0) {
            errors.add(ProblemError.atPointer(at, "required: a non-empty array of ST.16 kind codes such as [\"A1\", \"B1\"]"));
            return null;
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode kind = node.get(i);
            String text = kind != null && kind.isString() ? kind.getStringValue().strip().toUpperCase(Locale.ROOT) : "";
            if (!KIND.matcher(text).matches()) {
                errors.add(ProblemError.atPointer(at + "/" + i, "not an ST.16 kind code (a letter and an optional digit)"));
            } else {
                kinds.add(text);
            }
        }
        return List.copyOf(kinds);
    }

    private static Integer year(JsonNode node, String at, boolean required, int maxYear, List<ProblemError> errors) {
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(ProblemError.atPointer(at, "required: a year such as 1920"));
            }
            return null;
        }
        if (!node.isNumber() || node.getNumberValue().doubleValue() != node.getIntValue()) {
            errors.add(ProblemError.atPointer(at, "must be a whole number (a year)"));
            return null;
        }
        int year = node.getIntValue();
        if (year < EARLIEST_YEAR || year > maxYear) {
            errors.add(ProblemError.atPointer(at, "must be between " + EARLIEST_YEAR + " and " + maxYear));
            return null;
        }
        return year;
    }

    private static String note(JsonNode node, String at, List<ProblemError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.getStringValue().length() > MAX_NOTE) {
            errors.add(ProblemError.atPointer(at, "must be text of at most " + MAX_NOTE + " characters"));
            return null;
        }
        return node.getStringValue().strip();
    }

    /** Two entries claiming the same kind of the same office for the same year would count it twice. */
    private static void overlap(List<ScopeEntry> earlier, ScopeEntry entry, int index, List<ProblemError> errors) {
        for (int j = 0; j < earlier.size(); j++) {
            ScopeEntry other = earlier.get(j);
            if (other == null || !other.office().equals(entry.office())) {
                continue;
            }
            boolean sameKind = other.kinds().stream().anyMatch(entry.kinds()::contains);
            int end = entry.toYear() == null ? Integer.MAX_VALUE : entry.toYear();
            int otherEnd = other.toYear() == null ? Integer.MAX_VALUE : other.toYear();
            if (sameKind && entry.fromYear() <= otherEnd && other.fromYear() <= end) {
                errors.add(ProblemError.atPointer("/entries/" + index,
                        "overlaps /entries/" + j + " (same office, kind and years)"));
                return;
            }
        }
    }
}
