package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SkipTest {

    /** Unconfigured, each goal refuses to run; with skip it does nothing, so -Dipdex.skip works on any build. */
    @Test
    void skipLeavesEveryGoalUndone() {
        LintMojo lint = new LintMojo();
        lint.failOn = "error";
        lint.format = "sarif";
        assertThrows(MojoExecutionException.class, lint::execute, "neither spec nor specs");
        lint.skip = true;
        assertDoesNotThrow(lint::execute);

        DiffMojo diff = new DiffMojo();
        diff.failOn = "breaking";
        diff.format = "text";
        assertThrows(MojoExecutionException.class, diff::execute, "neither baseline nor api");
        diff.skip = true;
        assertDoesNotThrow(diff::execute);

        PublishMojo publish = new PublishMojo(null);
        publish.failOn = "sometimes";
        assertThrows(MojoExecutionException.class, publish::execute, "not a failOn value");
        publish.skip = true;
        assertDoesNotThrow(publish::execute);
    }
}
