package org.ipdex.authority.definition;

/**
 * Reads a separate definition file into an office's codes. The reading is the ingest's (its ST.37 reader, with
 * its protections, also reads the definition part of an authority file), so {@code ingest} implements this port
 * and {@code definition}, which the ingest validates against, does not depend on it in turn.
 */
public interface DefinitionFiles {

    /** @throws org.ipdex.common.problem.InvalidInputException when the file is unreadable or defines no codes */
    OfficeDefinitions read(byte[] content);
}
