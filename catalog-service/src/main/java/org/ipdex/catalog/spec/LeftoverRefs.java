package org.ipdex.catalog.spec;

import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * After a bundle is resolved, every reference in the normalised form must be local ({@code #/...}); one that is
 * not would make the stored version depend on files we no longer have.
 */
final class LeftoverRefs {

    private static final Pattern REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"([^\"]*)\"");

    private LeftoverRefs() {
    }

    static void check(String normalisedJson) {
        List<ProblemError> errors = new ArrayList<>();
        Matcher refs = REF.matcher(normalisedJson);
        while (refs.find() && errors.size() < 20) {
            if (!refs.group(1).startsWith("#")) {
                errors.add(ProblemError.atPointer("", "$ref '" + refs.group(1) + "' could not be resolved in the bundle"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The bundle did not resolve completely", errors);
        }
    }
}
