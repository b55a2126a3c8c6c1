package org.ipdex.catalog.lint;

/**
 * The sections of WIPO ST.90 that rules are filed under, plus the WIPO API Catalog's metadata fields, which are
 * not part of ST.90 but are what a catalogue needs from a spec.
 */
public enum Section {
    URI("URI components"),
    STATUS_CODES("Status codes"),
    PICK_AND_CHOOSE("Pick and choose"),
    RESOURCE_MODEL("Resource model"),
    MULTIPLE_FORMATS("Multiple formats"),
    HTTP_METHODS("HTTP methods"),
    DATA_QUERY_PATTERNS("Data query patterns"),
    ERROR_HANDLING("Error handling"),
    SERVICE_CONTRACT("Service contract"),
    TIME_OUT("Time-out"),
    STATE_MANAGEMENT("State management"),
    PREFERENCE_HANDLING("Preference handling"),
    TRANSLATION("Translation"),
    LONG_RUNNING_OPERATIONS("Long-running operations"),
    SECURITY_MODEL("Security model"),
    MATURITY_MODEL("Maturity model"),
    DATA_TYPE_FORMATS("Data type formats"),
    CONFORMANCE("Conformance"),
    CATALOGUE_METADATA("Catalogue metadata (WIPO API Catalog)");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
