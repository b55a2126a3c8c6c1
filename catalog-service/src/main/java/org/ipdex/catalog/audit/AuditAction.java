package org.ipdex.catalog.audit;

/** What a recorded change did; the stored name is {@link #code()}. */
public enum AuditAction {
    API_CREATED("api.created"),
    VERSION_CREATED("version.created"),
    METADATA_CHANGED("metadata.changed"),
    OFFICE_CHANGED("office.changed");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
