package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.ipdex.cli.CliFailure;
import org.ipdex.cli.ExitCodes;
import org.ipdex.cli.Failures;

/**
 * The CLI's failures as Maven's two kinds: what is wrong with the project (a spec that cannot be read, findings, a
 * missing or refused key, an API id of another office) fails the build ({@link MojoFailureException}); what is wrong
 * elsewhere (the server down, a defect of ipdex) is an error of the build ({@link MojoExecutionException}). The
 * message is the CLI's one line either way.
 */
final class BuildFailures {

    private BuildFailures() {
    }

    /**
     * Used as {@code throw BuildFailures.of(…)}: returns the failure to throw, or throws the error itself.
     *
     * @param subject the file the goal was working on, named when the error has no place of its own
     */
    static MojoFailureException of(String subject, RuntimeException error) throws MojoExecutionException {
        return of(Failures.about(subject, error));
    }

    /** The same for a failure the CLI's classes already described ({@code ServerFailures}). */
    static MojoFailureException of(CliFailure failure) throws MojoExecutionException {
        String message = Failures.oneLine(String.valueOf(failure.getMessage()));
        if (failure.exitCode() == ExitCodes.SERVER || failure.exitCode() == ExitCodes.INTERNAL) {
            throw new MojoExecutionException(message, failure);
        }
        return new MojoFailureException(message, failure);
    }
}
