package org.ipdex.cli.server;

import org.ipdex.cli.CliFailure;
import org.ipdex.cli.ExitCodes;
import org.ipdex.cli.Failures;
import org.ipdex.client.IpdexProblemException;
import org.ipdex.client.Problem;
import org.ipdex.client.invoker.ApiException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Turns what a call to the gateway can end in into one line and an exit code: a problem document by its status
 * (the key, the input, a missing or conflicting thing, the server), and a call that got no answer by why.
 */
public final class ServerFailures {

    private final ServerSettings settings;

    public ServerFailures(ServerSettings settings) {
        this.settings = settings;
    }

    /** @param subject the file that was sent, named when the server found fault with it */
    public CliFailure about(String subject, Throwable error) {
        if (error instanceof CliFailure failure) {
            return failure;
        }
        if (error instanceof IpdexProblemException problem) {
            return of(subject, problem.problem());
        }
        if (error instanceof ApiException api) {
            if (api.getCode() == 0) {
                return about(subject, api.getCause() == null ? new IOException(api.getMessage()) : api.getCause());
            }
            return status(subject, api.getCode(), api.getMessage() != null && api.getMessage().startsWith("HTTP ")
                    ? api.getMessage() : "HTTP " + api.getCode() + " without a problem document");
        }
        if (error instanceof UncheckedIOException unchecked) {
            return about(subject, unchecked.getCause());
        }
        if (error instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new CliFailure(ExitCodes.SERVER, "interrupted while waiting for " + settings.server());
        }
        if (unreachable(error)) {
            return new CliFailure(ExitCodes.SERVER, "cannot reach " + settings.server() + ": " + reason(error)
                    + " (is the gateway up? --server, " + ServerSettings.SERVER_ENV + " or the config file say where)");
        }
        if (error instanceof HttpTimeoutException) {
            return new CliFailure(ExitCodes.SERVER, settings.server() + " did not answer in time");
        }
        if (error instanceof IOException io) {
            return new CliFailure(ExitCodes.SERVER, "the connection to " + settings.server() + " failed: "
                    + io.getMessage());
        }
        return Failures.about(subject, error);
    }

    public CliFailure of(String subject, Problem problem) {
        String detail = problem.detail() != null ? problem.detail() : problem.title();
        return status(subject, problem.status(), located(subject, detail, problem));
    }

    private CliFailure status(String subject, int status, String message) {
        return switch (status) {
            case 401 -> new CliFailure(ExitCodes.AUTH, "the server refused the key (" + settings.keyOrigin() + "): "
                    + message);
            case 403 -> new CliFailure(ExitCodes.AUTH, "the key (" + settings.keyOrigin() + ") may not do this: "
                    + message);
            case 404, 409 -> new CliFailure(ExitCodes.REFUSED, message);
            case 413 -> CliFailure.input(about(subject, message.startsWith(subject) ? message
                    : "too large for the server: " + message));
            case 429 -> new CliFailure(ExitCodes.SERVER, settings.server() + " is limiting requests; try again later ("
                    + message + ")");
            default -> status >= 500 ? new CliFailure(ExitCodes.SERVER, settings.server() + " failed (" + status
                    + "): " + message) : CliFailure.input(about(subject, message));
        };
    }

    /** The problem's first place (a line of the file, a JSON pointer, a parameter) with its message. */
    private static String located(String subject, String detail, Problem problem) {
        for (Problem.Error error : problem.errors()) {
            if (error.line() != null && error.line() > 0) {
                return subject + ":" + error.line() + (error.column() == null ? "" : ":" + error.column()) + ": "
                        + detail + (error.message() == null || detail.contains(error.message()) ? ""
                        : " (" + error.message() + ")");
            }
            if (error.pointer() != null && !error.pointer().isEmpty()) {
                return subject + ": " + detail + " (at " + error.pointer() + ": " + error.message() + ")";
            }
            if (error.parameter() != null) {
                return detail + " (" + error.parameter() + ": " + error.message() + ")";
            }
        }
        return detail;
    }

    /** The file named in front, once. */
    private static String about(String subject, String message) {
        return message.startsWith(subject) ? message : subject + ": " + message;
    }

    private static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof UnresolvedAddressException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private String reason(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "no connection within the timeout";
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "unknown host " + settings.server().getHost();
            }
        }
        return "connection refused";
    }
}
