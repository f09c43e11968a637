package io.seqcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the container deployment without a Docker engine: the compose file wires
 * the replicas, volume, ports and gateway as described, the gateway routes only the public paths, and
 * the Dockerfile has the stages and settings the README promises.
 */
class DeploymentFilesTest {

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTwoReplicasOnOneVolumeBehindTheGatewayWhichAloneIsPublished() throws Exception {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        Map<String, Object> compose = new Yaml(options).load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("seqcast-1", "seqcast-2", "gateway", "prometheus");
        for (String replica : List.of("seqcast-1", "seqcast-2")) {
            Map<String, Object> service = services.get(replica);
            assertThat((List<String>) service.get("volumes")).containsExactly("seqcast-data:/var/lib/seqcast");
            assertThat(service).doesNotContainKey("ports");
            Map<String, String> environment = (Map<String, String>) service.get("environment");
            assertThat(environment).containsEntry("SEQCAST_REGISTRY_ROOT", "/var/lib/seqcast/registry")
                    .containsEntry("SEQCAST_TRAINING_JOBS", "/var/lib/seqcast/jobs")
                    .containsEntry("MANAGEMENT_SERVER_PORT", "8081")
                    .containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "framework");
        }
        Map<String, Object> gateway = services.get("gateway");
        assertThat((List<String>) gateway.get("ports")).containsExactly("8080:80");
        assertThat((List<String>) gateway.get("volumes"))
                .containsExactly("./deploy/nginx/default.conf:/etc/nginx/conf.d/default.conf:ro");
        assertThat(((Map<String, Object>) gateway.get("depends_on"))).containsKeys("seqcast-1", "seqcast-2");
        assertThat((List<String>) services.get("prometheus").get("profiles")).containsExactly("monitoring");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("seqcast-data");
        assertThat(Files.readString(Path.of("deploy/prometheus.yml"))).contains("seqcast-1:8081", "seqcast-2:8081",
                "/actuator/prometheus");
    }

    @Test
    void theGatewayRoutesTheApiSwaggerAndApiDocsToBothReplicasAndHidesActuator() throws Exception {
        String conf = Files.readString(Path.of("deploy/nginx/default.conf"));
        assertThat(conf).contains("server seqcast-1:8080", "server seqcast-2:8080");
        for (String location : List.of("location /api/ {", "location /swagger-ui/ {", "location = /swagger-ui.html {",
                "location /v3/api-docs {")) {
            assertThat(block(conf, location)).as(location).contains("proxy_pass http://seqcast;");
        }
        assertThat(block(conf, "location /actuator {")).contains("return 404;");
        assertThat(block(conf, "location / {")).contains("return 404;");
        assertThat(conf).contains("client_max_body_size 16m;", "X-Forwarded-Proto $scheme", "X-Forwarded-Host $host",
                "X-Forwarded-For $proxy_add_x_forwarded_for");
        assertThat(block(conf, "location ~ ^/api/v1/training-jobs/[^/]+/events$ {")).contains("proxy_buffering off;");
    }

    @Test
    void theImageIsBuiltOnAJdkAndRunsOnAJreAsANonRootUserWithNativesExtractedAtBuildTime() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build",
                "FROM eclipse-temurin:${JAVA_VERSION}-jre AS cpu", "USER seqcast", "VOLUME /var/lib/seqcast",
                "HEALTHCHECK", "/actuator/health/readiness", "io.seqcast.engine.internal.NativeSetup",
                "DJL_CACHE_DIR=/opt/djl", "MaxRAMPercentage", "extract --layers", "AS gpu");
        assertThat(dockerfile.strip()).endsWith("FROM cpu");
        assertThat(dockerfile).contains("ARG JAVA_VERSION=17");
    }

    private static String block(String conf, String opening) {
        int start = conf.indexOf(opening);
        assertThat(start).as("'%s' in the gateway configuration", opening).isNotNegative();
        return conf.substring(start, conf.indexOf('}', start));
    }
}
