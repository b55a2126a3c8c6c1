package org.ipdex.catalog.lint;

/** ST.90's requirement words. The order matters: a lower ordinal is more serious. */
public enum Level {
    MUST(3), SHOULD(2), MAY(1);

    private final int weight;

    Level(int weight) {
        this.weight = weight;
    }

    /** How much a failing rule of this level costs in the score (see {@link LintReport}). */
    public int weight() {
        return weight;
    }
}
