package org.ipdex.gateway.account;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new office; {@code code} is its WIPO ST.3 code. */
@Serdeable
public record OfficeRequest(@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a WIPO ST.3 code: two uppercase letters") String code,
                            @NotBlank @Size(max = 200) String name,
                            @NotBlank @Size(max = 200) String country,
                            @NotBlank @Email @Size(max = 254) String contactEmail) {
}
