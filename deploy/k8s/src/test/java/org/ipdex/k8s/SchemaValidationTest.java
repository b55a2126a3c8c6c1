package org.ipdex.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every manifest against the official Kubernetes OpenAPI schema, apart from fabric8's model: the npm package
 * kubernetes-models (AJV validators generated from that schema), in strict mode (src/test/node/validate.mjs). The
 * validator is installed here with {@code npm ci} from the committed lock file; if it cannot be installed, this test
 * fails: a schema check that quietly skips cannot catch anything.
 */
class SchemaValidationTest {

    static Path dir;
    static Path validator;

    @BeforeAll
    static void install() throws Exception {
        dir = Paths.get(System.getProperty("ipdex.k8s.dir", ".")).toAbsolutePath().normalize();
        validator = dir.resolve("target/k8s-schema");
        Files.createDirectories(validator);
        for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
            Files.copy(dir.resolve("src/test/node").resolve(file), validator.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
        assertEquals(0, npm.exit(), "npm ci of the schema validator failed:\n" + npm.output());
    }

    @Test
    void everyManifestIsValidAgainstTheKubernetesSchema() throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
        Manifests manifests = Manifests.load(dir);
        manifests.kustomizationResources.forEach(file -> command.add(dir.resolve(file).toString()));
        Result result = run(command, 120);
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains(manifests.docs.size() + " document(s)"), result.output());
    }

    @Test
    void aWrongTypeAnUnknownFieldAndAnUnknownKindAreRefused() throws Exception {
        Path broken = validator.resolve("broken.yaml");
        Files.writeString(broken, """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: elasticsearch
                spec:
                  replicas: "3"
                  serviceName: elasticsearch
                  selector:
                    matchLabels: {app: es}
                  template:
                    metadata:
                      labels: {app: es}
                    spec:
                      containers:
                        - name: elasticsearch
                          image: elasticsearch
                          resources:
                            limit: {memory: 8Gi}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: elasticsearch
                spec:
                  clusterIP: None
                  ports:
                    - port: transport
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBugdet
                metadata:
                  name: elasticsearch
                """);
        Result result = run(List.of("node", "validate.mjs", broken.toString()), 120);
        assertEquals(1, result.exit(), result.output());
        for (String expected : List.of("(StatefulSet elasticsearch): /spec/replicas must be integer",
                "/spec/template/spec/containers/0/resources/limit: unknown field",
                "(Service elasticsearch): /spec/ports/0/port must be integer",
                "unknown kind policy/v1 PodDisruptionBugdet")) {
            if (!result.output().contains(expected)) {
                fail("the validator did not report «" + expected + "»:\n" + result.output());
            }
        }
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command, long timeoutSeconds) throws Exception {
        Path log = validator.resolve("output.txt");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(validator.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is not installed: the schema check needs node and npm", e);
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n"
                    + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
