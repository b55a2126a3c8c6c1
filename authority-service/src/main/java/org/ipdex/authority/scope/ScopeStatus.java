package org.ipdex.authority.scope;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/** The portal's per-office view of the current scope. */
@Serdeable
public record ScopeStatus(int scopeVersion, LocalDate asOf, List<OfficeStatus> offices) {
}
