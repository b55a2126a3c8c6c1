/**
 * The PCT minimum documentation scope: which offices, kind codes and publication years an International Searching
 * Authority must hold (PCT Rule 34). Seeded from {@code scope/pct-minimum-documentation.csv} on first start,
 * versioned (every change is a new version, old ones are kept because reports name the version they used),
 * readable by anyone, editable by an administrator. {@link org.ipdex.authority.scope.ScopeStatusService} gives the
 * portal's per-office view: how fresh and how complete each office's active authority file is against the scope.
 * {@link org.ipdex.authority.scope.OfficeScorecards} adds each activated edition's standing over time: the authority
 * half of an office's scorecard, which the gateway puts beside the catalogue's (gateway
 * {@code org.ipdex.gateway.scorecard}).
 */
package org.ipdex.authority.scope;
