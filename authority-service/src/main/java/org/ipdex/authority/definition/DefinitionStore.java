package org.ipdex.authority.definition;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/** The kind and exception codes each office defines; replaced whole by a definition part or definition file. */
@Singleton
public class DefinitionStore {

    private final JdbcOperations jdbc;

    public DefinitionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    public OfficeDefinitions find(String office) {
        return jdbc.prepareStatement("SELECT code_type, code, description FROM office_definition WHERE office = ?",
                statement -> {
                    statement.setString(1, office);
                    Map<String, String> kinds = new HashMap<>();
                    Map<String, String> exceptions = new HashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            (rows.getString(1).equals("kind") ? kinds : exceptions).put(rows.getString(2), rows.getString(3));
                        }
                    }
                    return new OfficeDefinitions(kinds, exceptions);
                });
    }

    /** Replaces the office's codes of each type the definitions name; a type they leave empty stays as it was. */
    @Transactional
    public void replace(String office, OfficeDefinitions definitions) {
        if (!definitions.kinds().isEmpty()) {
            replaceType(office, "kind", definitions.kinds());
        }
        if (!definitions.exceptionCodes().isEmpty()) {
            replaceType(office, "exception", definitions.exceptionCodes());
        }
    }

    private void replaceType(String office, String type, Map<String, String> codes) {
        jdbc.prepareStatement("DELETE FROM office_definition WHERE office = ? AND code_type = ?", statement -> {
            statement.setString(1, office);
            statement.setString(2, type);
            return statement.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO office_definition (office, code_type, code, description) VALUES (?, ?, ?, ?)",
                (PreparedStatement statement) -> {
                    for (Map.Entry<String, String> code : codes.entrySet()) {
                        statement.setString(1, office);
                        statement.setString(2, type);
                        statement.setString(3, code.getKey());
                        statement.setString(4, code.getValue() == null ? "" : code.getValue());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
    }
}
