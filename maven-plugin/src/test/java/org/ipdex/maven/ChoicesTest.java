package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.ipdex.cli.diff.SpecDiffer;
import org.ipdex.cli.lint.FailOn;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChoicesTest {

    @Test
    void valuesAreReadAsPeopleSpellThem() throws MojoExecutionException {
        assertEquals(SpecDiffer.FailOn.POSSIBLY_BREAKING, Choices.of(SpecDiffer.FailOn.class, "failOn", " possibly-breaking"));
        assertEquals(FailOn.WARNING, Choices.of(FailOn.class, "failOn", "Warning"));
        assertEquals("possibly-breaking", Choices.spelling(SpecDiffer.FailOn.POSSIBLY_BREAKING));
    }

    @Test
    void aWrongValueNamesTheParameterAndWhatItTakes() {
        MojoExecutionException error = assertThrows(MojoExecutionException.class,
                () -> Choices.of(FailOn.class, "failOn", "fatal"));
        assertEquals("<failOn> must be one of error, warning, none, not 'fatal'", error.getMessage());
    }
}
