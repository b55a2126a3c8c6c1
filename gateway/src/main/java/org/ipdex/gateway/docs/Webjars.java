package org.ipdex.gateway.docs;

import io.micronaut.core.io.ResourceResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Class-path text and the version of a webjar, read once at start-up (so the page names the exact files). */
final class Webjars {

    private Webjars() {
    }

    static String version(ResourceResolver resources, String artifact) {
        Properties properties = new Properties();
        try (InputStream in = open(resources, "META-INF/maven/org.webjars/" + artifact + "/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    static String text(ResourceResolver resources, String path) {
        try (InputStream in = open(resources, path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(ResourceResolver resources, String path) {
        return resources.getResourceAsStream("classpath:" + path)
                .orElseThrow(() -> new IllegalStateException(path + " is not on the class path"));
    }
}
