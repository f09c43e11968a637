package io.seqcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "seqcast.registry.root=target/test-data/application/registry",
        "seqcast.training.jobs=target/test-data/application/jobs",
        "seqcast.limits.max-request-size=4KB",
        "seqcast.security.keys[0].name=test-admin",
        "seqcast.security.keys[0].sha256=944650a7cd0f9e14d5c4fb15edbffb7fa45fb9ed36a4fa9be3d7e5476ae51bd9",
        "seqcast.security.keys[0].role=ADMIN",
        "seqcast.security.keys[1].name=test-forecaster",
        "seqcast.security.keys[1].sha256=4bd7d4c4187e6a8759bbf074183ebd8a306b40ae7ca82d3c70afff0693d571ae",
        "seqcast.security.keys[1].role=FORECASTER"})
class SeqcastApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpointGroups groups;

    @Autowired
    HealthContributorRegistry contributors;

    @Test
    void healthLivenessAndReadinessAreUp() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void readinessIsTheEngineTheRegistryAndTheJobStoreEachReportedByItsModule() {
        HealthEndpointGroup readiness = groups.get("readiness");
        for (String member : new String[] {"readinessState", "engine", "registry", "training"}) {
            assertThat(readiness.isMember(member)).as(member).isTrue();
        }
        assertThat(details("engine")).containsOnlyKeys("engine", "device")
                .hasEntrySatisfying("engine", engine -> assertThat(engine).asString().endsWith(" 2.7.1"));
        assertThat(details("registry")).containsExactly(Map.entry("registryWritable", true));
        assertThat(details("training")).containsExactly(Map.entry("jobStoreWritable", true));
    }

    private Map<String, Object> details(String component) {
        Health health = ((HealthIndicator) contributors.getContributor(component)).health();
        assertThat(health.getStatus()).as(component).isEqualTo(Status.UP);
        return health.getDetails();
    }

    @Test
    void infoNamesTheEngineAndPrometheusHasTheServiceMetrics() throws Exception {
        JsonNode info = JSON.readTree(get("/actuator/info").body());
        assertThat(info.get("engine").get("version").asString()).isEqualTo("2.7.1");
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("seqcast_training_jobs{status=\"QUEUED\"}", "seqcast_forecast_latency_seconds",
                "seqcast_forecast_series");
    }

    @Test
    void bodiesBeyondTheLimitAre413WhetherDeclaredOrStreamed() throws Exception {
        String big = "{\"model\": \"m\", \"data\": {\"series\": [{\"values\": [" + "1,".repeat(3000) + "1]}]}}";
        URI uri = URI.create("http://localhost:" + port + "/api/v1/training-jobs");
        HttpResponse<String> declared = HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestKeys.ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> streamed = HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestKeys.ADMIN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(streamed.body()).get("title").asString()).isEqualTo("Request too large");
    }

    @Test
    void encodedTraversalInAModelNameIsAProblemWhetherTomcatOrTheServiceRefusesIt() throws Exception {
        for (String name : new String[] {"..%2F..%2Fetc", "%2e%2e", "a%00b", "A"}) {
            HttpResponse<String> response = get("/api/v1/models/" + name);
            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(name)
                    .startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(400);
        }
    }

    @Test
    void behindAGatewayTheLocationCarriesTheGatewaysSchemeHostAndPrefix() throws Exception {
        String values = "1,3,2,5,4,6,5,8,7,9,8,11,10,12,11,14,13,15,14,17";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/training-jobs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestKeys.ADMIN)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "forecast.example.com")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/seqcast")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"forwarded\", \"data\": {\"series\": [{\"values\": ["
                        + values + "]}]}, \"spec\": {\"window\": 4, \"horizon\": 1}, \"training\": {\"epochs\": 1}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith("https://forecast.example.com/seqcast/api/v1/training-jobs/");
    }

    @Test
    void actuatorExposesNothingButHealthInfoAndPrometheus() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/loggers"}) {
            // Not exposed, and no rule opens the path: refused even to an admin key before routing.
            assertThat(get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
    }

    @Test
    void theCheckedInOpenApiDocumentMatchesTheLiveOne() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode live = JSON.readTree(response.body());
        ((tools.jackson.databind.node.ObjectNode) live).remove("servers");
        JsonNode checkedIn = JSON.readTree(Files.readString(Path.of("openapi/openapi.json")));
        Path current = Path.of("target/openapi.json");
        Files.writeString(current, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n");
        assertThat(live.equals(checkedIn))
                .as("openapi/openapi.json differs from the live /v3/api-docs; review the change"
                        + " (diff openapi/openapi.json target/openapi.json), then cp target/openapi.json openapi/")
                .isTrue();
    }

    @Test
    void keysAreRequiredAndTheirRoleDecidesWhatTheyMayDo() throws Exception {
        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/models"))
                .header("Authorization", "Bearer not-a-key").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> forecasterReads = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/models"))
                .header("X-API-Key", TestKeys.FORECASTER).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forecasterReads.statusCode()).isEqualTo(200);
        HttpResponse<String> forecasterTrains = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/training-jobs"))
                .header("Authorization", "Bearer " + TestKeys.FORECASTER).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forecasterTrains.statusCode()).isEqualTo(403);
        assertThat(forecasterTrains.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
        HttpResponse<String> forecasterDeletes = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/models/a/versions/1"))
                .header("Authorization", "Bearer " + TestKeys.FORECASTER).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forecasterDeletes.statusCode()).isEqualTo(403);
        for (String open : new String[] {"/actuator/health", "/actuator/health/readiness", "/v3/api-docs"}) {
            assertThat(HTTP.send(HttpRequest.newBuilder(uri(open)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as(open).isEqualTo(200);
        }
        for (String closed : new String[] {"/actuator/info", "/actuator/prometheus"}) {
            assertThat(HTTP.send(HttpRequest.newBuilder(uri(closed)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as(closed).isEqualTo(401);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void everyTrainingExampleSwaggerUiOffersWouldBeAcceptedAsItIs() throws Exception {
        JsonNode api = JSON.readTree(get("/v3/api-docs").body());
        JsonNode content = api.at("/paths/~1api~1v1~1training-jobs/post/requestBody/content");
        int checked = 0;
        for (String mediaType : new String[] {"application/json", "text/csv"}) {
            for (JsonNode example : content.get(mediaType).get("examples")) {
                String name = example.get("$ref").asString().substring("#/components/examples/".length());
                JsonNode value = api.get("components").get("examples").get(name).get("value");
                String body = value.isString() ? value.asString() : JSON.writeValueAsString(value);
                String query = mediaType.equals("text/csv") ? "?model=demand" : "";
                HttpResponse<String> check = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/data-checks" + query))
                        .header("Authorization", "Bearer " + TestKeys.ADMIN).header("Content-Type", mediaType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(check.statusCode()).as(name).isEqualTo(200);
                assertThat(JSON.readTree(check.body()).get("accepted").asBoolean()).as(name + ": " + check.body()).isTrue();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TestKeys.ADMIN).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
