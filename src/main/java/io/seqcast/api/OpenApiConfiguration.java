package io.seqcast.api;

import io.swagger.v3.oas.models.Components;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The service-wide part of the OpenAPI contract; endpoints describe themselves in their feature. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String EXAMPLES = "classpath:openapi-examples/*.json";

    static {
        SpringDocUtils.getConfig().replaceWithSchema(SseEmitter.class, new StringSchema()
                .description("text/event-stream of 'job' events, each the job as JSON"));
    }

    @Bean
    OpenAPI seqcastOpenApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API key: the one printed at first start, or one configured in"
                                + " seqcast.security.keys. Roles: FORECASTER (read, forecast), TRAINER (+ training"
                                + " jobs), ADMIN (+ aliases, deletion).")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .info(new Info()
                .title("seqcast")
                .version("v1")
                .description("Sequence forecasting: train recurrent models (RNN, LSTM, GRU) on time series and"
                        + " trajectories, keep them as numbered versions, and serve forecasts.")
                .license(new License().name("Apache-2.0")));
    }

    /**
     * Request examples for Swagger UI's "Try it out", one OpenAPI Example Object (summary and value) per file
     * under {@code openapi-examples/}, named by the file; operations refer to them as
     * {@code #/components/examples/<name>}.
     */
    @Bean
    OpenApiCustomizer requestExamples() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Example> examples = new TreeMap<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources(EXAMPLES)) {
            try (InputStream in = file.getInputStream()) {
                Map<String, Object> example = json.readValue(in, new TypeReference<Map<String, Object>>() {});
                examples.put(file.getFilename().replaceFirst("\\.json$", ""),
                        new Example().summary((String) example.get("summary")).value(example.get("value")));
            }
        }
        return api -> examples.forEach(api.getComponents()::addExamples);
    }

    /** Every operation may answer an RFC 9457 problem. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
                    .addProperty("type", new StringSchema().format("uri"))
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema().description("what was expected"))
                    .addProperty("instance", new StringSchema().format("uri"))
                    .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                            .addProperty("pointer", new StringSchema().description("JSON pointer to the offending"
                                    + " field or array element of the body"))
                            .addProperty("parameter", new StringSchema().description("the offending query or path"
                                    + " parameter"))
                            .addProperty("detail", new StringSchema())));
            api.getComponents().addSchemas("Problem", problem);
            ApiResponse response = new ApiResponse().description("A problem: invalid input (400), missing or"
                    + " invalid API key (401), role too low (403), not found (404),"
                    + " conflict (409), unsupported media type (415), queue full (503, with Retry-After)")
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
            api.getPaths().values().forEach(path -> path.readOperations()
                    .forEach(operation -> operation.getResponses().addApiResponse("4XX", response)));
        };
    }
}
