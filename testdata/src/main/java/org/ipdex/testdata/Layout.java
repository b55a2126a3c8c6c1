package org.ipdex.testdata;

/** The layouts the generator writes; names as ipdex's {@code layout} parameter spells them. */
public enum Layout {
    ST37_XML("st37-xml"),
    EPO_CSV("epo-csv"),
    USPTO_TSV("uspto-tsv"),
    /** Not an office layout: the rows exactly as ipdex stores them, for a {@code psql \copy} baseline. */
    BASELINE_CSV("baseline-csv");

    private final String id;

    Layout(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Layout of(String id) {
        for (Layout layout : values()) {
            if (layout.id.equals(id)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("Unknown layout " + id);
    }
}
