package org.ipdex.client;

/**
 * The server answered with a problem document. Unchecked, and thrown out of every generated operation, so that a
 * caller handles ipdex's errors by their fields ({@code problem().status()}, {@code type()}, {@code errors()})
 * rather than by parsing {@link org.ipdex.client.invoker.ApiException}'s body text.
 */
public final class IpdexProblemException extends RuntimeException {

    private final Problem problem;

    public IpdexProblemException(Problem problem) {
        super(problem.status() + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
