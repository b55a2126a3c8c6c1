package org.ipdex.search.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A filter that is also a facet: its query parameter (repeatable, values OR-ed; different facets AND-ed) and the
 * keyword field it filters and counts. Both indices name these fields alike, since the operations carry a copy
 * of their API's metadata.
 */
public enum Facet {

    OFFICE("office", "officeCode"),
    IP_DOMAIN("ipDomain", "ipDomains"),
    SERVICE_TYPE("serviceType", "serviceTypes"),
    CONTENT_TYPE("contentType", "contentTypes"),
    LANGUAGE("language", "languages"),
    LIFECYCLE("lifecycle", "lifecycle"),
    ST90_LEVEL("st90Level", "st90Level"),
    ENDPOINT_STATUS("endpointStatus", "endpointStatus"),
    SPEC_VERSION("specVersion", "specVersion"),
    FORMAT("format", "sourceFormat"),
    METHOD("method", "method");

    private final String parameter;
    private final String field;

    Facet(String parameter, String field) {
        this.parameter = parameter;
        this.field = field;
    }

    public String parameter() {
        return parameter;
    }

    String field() {
        return field;
    }

    /** Office codes are stored upper case and methods lower case; a user may type either. */
    String canonical(String value) {
        return switch (this) {
            case OFFICE -> value.toUpperCase(Locale.ROOT);
            case METHOD -> value.toLowerCase(Locale.ROOT);
            default -> value;
        };
    }

    static Optional<Facet> byParameter(String parameter) {
        return Arrays.stream(values()).filter(f -> f.parameter.equals(parameter)).findFirst();
    }
}
