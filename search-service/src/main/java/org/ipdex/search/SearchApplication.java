package org.ipdex.search;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "ipdex search", version = "1",
        description = "Search every office's APIs and operations in one place"))
public class SearchApplication {

    public static void main(String[] args) {
        Micronaut.run(SearchApplication.class, args);
    }
}
