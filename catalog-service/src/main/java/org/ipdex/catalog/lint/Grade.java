package org.ipdex.catalog.lint;

/**
 * The conformance level of a report, in the spirit of WCAG's A/AA/AAA so offices can state it in one word.
 * <ul>
 *   <li>{@code AAA}: no MUST and no SHOULD rule fails (MAY rules are advice);</li>
 *   <li>{@code AA}: no MUST rule fails;</li>
 *   <li>{@code A}: MUST rules fail, but the score is at least 60;</li>
 *   <li>{@code NONE}: anything else.</li>
 * </ul>
 * Excepted violations and switched-off rules do not count.
 */
public enum Grade {
    AAA, AA, A, NONE;

    static Grade of(int score, boolean mustFails, boolean shouldFails) {
        if (!mustFails && !shouldFails) {
            return AAA;
        }
        if (!mustFails) {
            return AA;
        }
        return score >= 60 ? A : NONE;
    }
}
