package org.ipdex.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/** What every ipdex goal has: {@code skip}, and the folder its report goes to. */
public abstract class IpdexMojo extends AbstractMojo {

    /** Where the goal's report is written. */
    @Parameter(property = "ipdex.outputDirectory", defaultValue = "${project.build.directory}/ipdex")
    File outputDirectory;

    /** Skips every ipdex goal. */
    @Parameter(property = "ipdex.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ipdex: skipped (ipdex.skip)");
            return;
        }
        run();
    }

    abstract void run() throws MojoExecutionException, MojoFailureException;
}
