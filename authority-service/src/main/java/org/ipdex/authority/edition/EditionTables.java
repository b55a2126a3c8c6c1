package org.ipdex.authority.edition;

/**
 * Names of an edition's record table. Ids come from the database, never from a request, so building SQL with
 * them is safe; they are still checked to be positive.
 */
public final class EditionTables {

    private EditionTables() {
    }

    public static String records(long editionId) {
        if (editionId <= 0) {
            throw new IllegalArgumentException("Not an edition id: " + editionId);
        }
        return "authority_record_e" + editionId;
    }
}
