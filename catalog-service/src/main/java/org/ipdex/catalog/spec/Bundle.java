package org.ipdex.catalog.spec;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * A spec of several files, as uploaded (zip or multipart), with paths already checked by {@link BundleReader}.
 *
 * @param files    normalised relative path → bytes, only the JSON and YAML files
 * @param main     the root document; null to let {@link SpecParser} find the one file nobody refers to
 * @param original the upload as stored and served back (the zip itself, or a zip built from the parts)
 */
public record Bundle(Map<String, byte[]> files, @Nullable String main, byte[] original) {

    public static final String MEDIA_TYPE = "application/zip";
}
