package dev.emporium.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The parts of the OpenAPI document that no single controller owns: credentials and the answers every route can give. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final Map<String, String> SHARED_RESPONSES = Map.of(
            "401", "No valid access token or API key",
            "403", "The credentials do not allow this request",
            "429", "Rate limit exceeded; see Retry-After and RateLimit-* headers",
            "503", "Overloaded or a dependency is unavailable; retry after Retry-After");

    @Bean
    OpenAPI emporiumOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties info = build.getIfAvailable();
        String version = info != null ? info.getVersion() : "dev";
        return new OpenAPI()
                .info(new Info().title("Emporium API").version(version)
                        .description("Headless commerce API. Errors are RFC 9457 application/problem+json."))
                .components(new Components()
                        .addSchemas("Problem", new Schema<>().type("object")
                                .addProperty("type", new Schema<>().type("string").format("uri"))
                                .addProperty("title", new Schema<>().type("string"))
                                .addProperty("status", new Schema<>().type("integer"))
                                .addProperty("detail", new Schema<>().type("string"))
                                .addProperty("instance", new Schema<>().type("string"))
                                .addProperty("requestId", new Schema<>().type("string")))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("Access token from POST /api/v1/auth/login"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key").description("API key created by an admin")));
    }

    /** Every /api/v1 operation may answer 401, 403, 429 and 503 with a problem document. */
    @Bean
    OpenApiCustomizer sharedProblemResponses() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/v1/")) {
                return;
            }
            item.readOperations().forEach(operation -> SHARED_RESPONSES.forEach((status, description) ->
                    operation.getResponses().putIfAbsent(status, new ApiResponse().description(description)
                            .content(new Content().addMediaType("application/problem+json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))))));
        });
    }
}
