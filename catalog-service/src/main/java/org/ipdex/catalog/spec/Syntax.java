package org.ipdex.catalog.spec;

/** How a document was written; decides the media type its original bytes are served with. */
public enum Syntax {
    JSON("application/json"), YAML("application/yaml");

    private final String mediaType;

    Syntax(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
