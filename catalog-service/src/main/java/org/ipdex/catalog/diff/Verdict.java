package org.ipdex.catalog.diff;

/** The whole diff in one word: the most serious classification among its changes. */
public enum Verdict {
    BREAKING, POSSIBLY_BREAKING, NON_BREAKING, NO_CHANGES
}
