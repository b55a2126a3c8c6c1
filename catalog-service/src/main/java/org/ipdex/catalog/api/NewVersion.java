package org.ipdex.catalog.api;

/**
 * A version ready to be stored.
 *
 * @param previousNumber the latest version number the assessment was made against (0 for a new API); if another
 *                       upload got there first, the store refuses rather than store a diff against the wrong base
 */
record NewVersion(Registration registration, String apiId, AcceptedSpec accepted, Assessment assessment,
                  int previousNumber) {
}
