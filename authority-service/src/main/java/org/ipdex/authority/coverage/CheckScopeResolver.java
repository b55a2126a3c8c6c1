package org.ipdex.authority.coverage;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.ipdex.authority.scope.Scope;
import org.ipdex.authority.scope.ScopeStore;
import org.ipdex.common.problem.InvalidInputException;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Turns the {@code offices} / {@code scope} parameters into a {@link CheckScope}, refusing what cannot be checked. */
@Singleton
class CheckScopeResolver {

    private static final Pattern OFFICE = Pattern.compile("[A-Z]{2}");
    private static final int MAX_OFFICES = 300;

    private final ScopeStore scopes;
    private final DataSource dataSource;

    CheckScopeResolver(ScopeStore scopes, DataSource dataSource) {
        this.scopes = scopes;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource); // plain pooled connections, no ambient transaction
    }

    CheckScope resolve(@Nullable String offices, @Nullable String scope) {
        if ((offices == null || offices.isBlank()) == (scope == null || scope.isBlank())) {
            throw InvalidInputException.parameter("offices", "give either offices=EP,US or scope=pct");
        }
        if (scope != null && !scope.isBlank()) {
            if (!"pct".equalsIgnoreCase(scope.strip())) {
                throw InvalidInputException.parameter("scope", "the only named scope is 'pct'");
            }
            Scope current = scopes.current()
                    .orElseThrow(() -> InvalidInputException.parameter("scope", "no PCT scope has been defined yet"));
            return new CheckScope("pct", current.version(), current.entries().stream()
                    .map(e -> new CheckScope.Line(e.office(), e.kinds(), e.fromYear(), e.toYear())).toList());
        }
        Set<String> codes = new TreeSet<>();
        for (String code : offices.split(",")) {
            String office = code.strip().toUpperCase(Locale.ROOT);
            if (!OFFICE.matcher(office).matches()) {
                throw InvalidInputException.parameter("offices", "not an ST.3 office code: '" + shorten(code) + "'");
            }
            codes.add(office);
        }
        if (codes.size() > MAX_OFFICES) {
            throw InvalidInputException.parameter("offices", "at most " + MAX_OFFICES + " offices");
        }
        Set<String> held = officesWithAnAuthorityFile(codes);
        List<String> unknown = codes.stream().filter(code -> !held.contains(code)).toList();
        if (!unknown.isEmpty()) {
            throw InvalidInputException.parameter("offices", "no active authority file for " + String.join(", ", unknown));
        }
        return new CheckScope("offices:" + String.join(",", codes), null,
                codes.stream().map(code -> new CheckScope.Line(code, List.of(), null, null)).toList());
    }

    private Set<String> officesWithAnAuthorityFile(Set<String> codes) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT office FROM office_state WHERE office = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", codes.toArray()));
            Set<String> found = new TreeSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the offices' authority files", e);
        }
    }

    private static String shorten(String text) {
        String clean = text.strip().replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 20 ? clean.substring(0, 20) + "…" : clean;
    }

}
