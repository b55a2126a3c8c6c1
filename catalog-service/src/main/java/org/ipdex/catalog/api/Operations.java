package org.ipdex.catalog.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lists the operations of a spec in path order. */
final class Operations {

    private Operations() {
    }

    static List<OperationDocument> of(OpenAPI model) {
        List<OperationDocument> operations = new ArrayList<>();
        if (model.getPaths() == null) {
            return operations;
        }
        for (Map.Entry<String, PathItem> path : model.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                operations.add(new OperationDocument(entry.getKey().name().toLowerCase(Locale.ROOT), path.getKey(),
                        operation.getOperationId(), operation.getSummary(), operation.getDescription(),
                        operation.getTags() == null ? List.of() : List.copyOf(operation.getTags())));
            }
        }
        return operations;
    }
}
