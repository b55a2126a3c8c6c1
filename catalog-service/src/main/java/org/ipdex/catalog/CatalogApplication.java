package org.ipdex.catalog;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "ipdex catalog", version = "1",
        description = "Offices register, version, lint (WIPO ST.90) and diff their OpenAPI specs"))
public class CatalogApplication {

    public static void main(String[] args) {
        Micronaut.run(CatalogApplication.class, args);
    }
}
