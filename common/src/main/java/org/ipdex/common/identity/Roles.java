package org.ipdex.common.identity;

/** The roles an identity token can carry. */
public final class Roles {

    /** Anonymous callers: read and search only. */
    public static final String PUBLIC = "public";
    /** An office's API key: may change only that office's APIs and authority files. */
    public static final String OFFICE = "office";
    /** Everything, including offices, keys and the PCT scope. */
    public static final String ADMIN = "admin";
    /** One ipdex service calling another's internal API (the change feeds). */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
