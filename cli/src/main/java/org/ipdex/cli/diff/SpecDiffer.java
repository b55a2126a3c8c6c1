package org.ipdex.cli.diff;

import org.ipdex.catalog.diff.Classification;
import org.ipdex.catalog.diff.DiffReport;
import org.ipdex.catalog.diff.Differ;
import org.ipdex.cli.lint.SpecInput;

import java.nio.file.Path;
import java.util.Optional;

/** The catalogue's breaking-change diff of two specs on disk (files, zip bundles or folders). Plain, for the Maven plugin too. */
public final class SpecDiffer {

    private final SpecInput input = new SpecInput();
    private final Differ differ = new Differ();

    public DiffReport diff(Path older, Path newer) {
        return differ.diff(input.read(older, Optional.empty()).spec(), input.read(newer, Optional.empty()).spec());
    }

    /** {@code breaking}: only BREAKING changes fail; {@code possibly-breaking}: those too; {@code none}: never. */
    public enum FailOn {
        BREAKING, POSSIBLY_BREAKING, NONE;

        public boolean fails(DiffReport report) {
            return report.changes().stream().anyMatch(change -> fails(change.classification()));
        }

        /** Whether a change of this classification is over the threshold (the Maven plugin lists those). */
        public boolean fails(Classification classification) {
            return switch (this) {
                case BREAKING -> classification == Classification.BREAKING;
                case POSSIBLY_BREAKING -> classification != Classification.NON_BREAKING;
                case NONE -> false;
            };
        }
    }

    static String label(Classification classification) {
        return classification.name().replace('_', ' ');
    }
}
