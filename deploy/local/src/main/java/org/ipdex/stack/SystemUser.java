package org.ipdex.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The unprivileged user that runs Elasticsearch when the stack itself runs as root. */
final class SystemUser {

    private SystemUser() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void ensure(String user) {
        if (run(List.of("id", "-u", user)) != 0
                && run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user)) != 0
                && run(List.of("id", "-u", user)) != 0) {
            throw new IllegalStateException("Could not create the system user " + user);
        }
    }

    static void chown(String user, Path directory) {
        if (run(List.of("chown", "-R", user + ":" + user, directory.toString())) != 0) {
            throw new IllegalStateException("Could not give " + directory + " to " + user);
        }
    }

    static boolean canExecute(String user, Path file) {
        return run(List.of("runuser", "-u", user, "--", "test", "-x", file.toString())) == 0;
    }

    private static int run(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
