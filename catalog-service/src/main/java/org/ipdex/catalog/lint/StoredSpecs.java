package org.ipdex.catalog.lint;

import org.ipdex.catalog.spec.ParsedSpec;

/**
 * What lint reads of the stored APIs: a version read back for linting or diffing, and who owns an API (for its
 * exemptions). The port through which lint reaches the catalogue: {@code api} implements it, so that lint, which
 * {@code api} calls at every registration, does not import {@code api} in turn.
 */
public interface StoredSpecs {

    /** A stored version as a spec plus its original text. */
    record StoredSpec(String apiId, int number, ParsedSpec spec, String originalText) {
    }

    /** @throws org.ipdex.common.problem.NotFoundException when there is no such API or version */
    StoredSpec load(String apiId, int number);

    /**
     * @return the ST.3 code of the office that owns the API
     * @throws org.ipdex.common.problem.NotFoundException when there is no such API
     */
    String office(String apiId);
}
