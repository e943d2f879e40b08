package dev.emporium.identity.web;

import dev.emporium.identity.apikey.ApiKey;
import dev.emporium.identity.apikey.ApiKeys;
import dev.emporium.identity.account.IdentityProblems;
import dev.emporium.platform.web.FreeText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/api-keys")
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
class ApiKeyController {

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    record NewApiKey(
            @NotBlank @Size(max = 100) @FreeText String name,
            @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9_.:-]{0,63}") String> scopes,
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}") String plan) {}

    record CreatedApiKey(ApiKey apiKey, String key) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API key", description = "The key is in this response only; Emporium keeps just its hash.")
    CreatedApiKey create(@Valid @RequestBody NewApiKey request, Authentication admin) {
        ApiKeys.Created created = apiKeys.create(request.name().strip(), request.scopes() == null ? List.of() : request.scopes(),
                request.plan(), ProfileController.accountOf(admin));
        return new CreatedApiKey(created.key(), created.secret());
    }

    @GetMapping
    @Operation(summary = "List API keys (never their secrets)")
    List<ApiKey> list() {
        return apiKeys.list();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API key", description = "Takes effect on every instance within 30 seconds.")
    void revoke(@PathVariable UUID id) {
        if (!apiKeys.revoke(id)) {
            throw new IdentityProblems.ApiKeyNotFound();
        }
    }
}
