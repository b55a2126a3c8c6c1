package org.ipdex.e2e;

/**
 * The callers of the authorisation matrix, in the order each operation is tried: the ones that must be refused
 * first, so that a write that wrongly succeeds for them is seen before the owner's write changes the resource.
 */
enum Caller {
    ANONYMOUS, REVOKED_KEY, OFFICE_B, OFFICE_A, ADMIN;

    /** What the gateway must answer this caller on an operation of the table, against office A's data. */
    Outcome expected(AuthorisationRow row) {
        if (this == REVOKED_KEY) {
            // a key that is sent but not valid is refused everywhere, so a client learns its key is dead
            return Outcome.UNAUTHORISED;
        }
        // a keyless caller is told that a key would help (401): the gateway refuses keyless writes at the door, and
        // a keyless read of private data is refused by the service, which sees the public identity
        return switch (row.access()) {
            case PUBLIC -> Outcome.ALLOWED;
            case OFFICE_OWN -> switch (this) {
                case ANONYMOUS -> Outcome.UNAUTHORISED;
                case OFFICE_B -> Outcome.FORBIDDEN;
                default -> Outcome.ALLOWED;
            };
            case KEY -> this == ANONYMOUS ? Outcome.UNAUTHORISED : Outcome.ALLOWED;
            case ADMIN -> switch (this) {
                case ANONYMOUS -> Outcome.UNAUTHORISED;
                case ADMIN -> Outcome.ALLOWED;
                default -> Outcome.FORBIDDEN;
            };
            case SERVICE -> throw new IllegalArgumentException("internal operations are not called through the gateway");
        };
    }

    /** The class of an answer: through authorisation (any status but 401 and 403), or refused by it. */
    enum Outcome {
        ALLOWED, UNAUTHORISED, FORBIDDEN;

        static Outcome of(int status) {
            return switch (status) {
                case 401 -> UNAUTHORISED;
                case 403 -> FORBIDDEN;
                default -> ALLOWED;
            };
        }
    }
}
