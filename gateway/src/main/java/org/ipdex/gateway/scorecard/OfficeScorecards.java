package org.ipdex.gateway.scorecard;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;
import org.ipdex.gateway.account.Office;
import org.ipdex.gateway.account.Offices;
import org.ipdex.gateway.route.BackendReads;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts the catalogue's and the authority file's halves of a scorecard side by side, asked for at once. The gateway
 * keeps the offices, so it alone says whether one exists (404); each service answers for any code with what it
 * holds. The halves are passed on as the services wrote them: their fields are theirs to define and document.
 */
@Singleton
class OfficeScorecards {

    private final Offices offices;
    private final BackendReads backends;

    OfficeScorecards(Offices offices, BackendReads backends) {
        this.offices = offices;
        this.backends = backends;
    }

    JsonNode of(String requested, Identity caller) {
        String code = requested.toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw InvalidInputException.parameter("code", "must be a two-letter WIPO ST.3 code");
        }
        Office office = offices.find(code).orElseThrow(() -> new NotFoundException("No office " + code));
        JsonNode[] halves = Mono.zip(
                backends.json("catalog", "/api/v1/catalog/offices/" + code + "/scorecard", caller),
                backends.json("authority", "/api/v1/authority/offices/" + code + "/scorecard", caller),
                (catalog, authority) -> new JsonNode[] {catalog, authority}).block();
        Map<String, JsonNode> authority = new LinkedHashMap<>();
        halves[1].entries().forEach(entry -> {
            if (!entry.getKey().equals("office")) {
                authority.put(entry.getKey(), entry.getValue());
            }
        });
        Map<String, JsonNode> scorecard = new LinkedHashMap<>();
        scorecard.put("office", JsonNode.createStringNode(code));
        scorecard.put("officeName", JsonNode.createStringNode(office.name()));
        scorecard.put("generatedAt", JsonNode.createStringNode(Instant.now().toString()));
        scorecard.put("apis", halves[0].get("apis") == null ? JsonNode.createArrayNode(List.of())
                : halves[0].get("apis"));
        scorecard.put("authority", JsonNode.createObjectNode(authority));
        return JsonNode.createObjectNode(scorecard);
    }
}
