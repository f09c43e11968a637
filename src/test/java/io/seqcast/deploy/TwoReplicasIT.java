package io.seqcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two processes of the built application on different ports over one registry and job folder, as
 * the compose stack runs them: what one trains the other serves, aliases are seen by both, and
 * publishing from both at once gives distinct versions, each job run by exactly one replica.
 */
class TwoReplicasIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    private Replicas replicas;

    @AfterEach
    void stop() throws InterruptedException {
        replicas.close();
    }

    @Test
    void twoReplicasShareOneRegistrySafely() throws Exception {
        String first = start("first");
        String second = start("second");

        String job = submit(first, 5);
        assertThat(await(second, job).get("status").asString()).isEqualTo("SUCCEEDED");
        HttpResponse<String> forecast = DeployedStack.post(HTTP, second + "/api/v1/models/shared/forecast",
                "{\"series\": [{\"values\": [%s]}], \"horizon\": 3}".formatted(values()));
        assertThat(forecast.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(forecast.body()).get("version").asInt()).isEqualTo(1);

        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(submit(first, 3));
            jobs.add(submit(second, 3));
        }
        Set<Integer> versions = new HashSet<>();
        for (String id : jobs) {
            JsonNode done = await(first, id);
            assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
            versions.add(done.get("result").get("version").asInt());
        }
        assertThat(versions).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7);
        assertThat(JSON.readTree(DeployedStack.get(HTTP, second + "/api/v1/models/shared").body()).get("versions").size())
                .isEqualTo(7);

        assertThat(DeployedStack.put(HTTP, first + "/api/v1/models/shared/aliases/production", "{\"version\": 4}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> viaAlias = DeployedStack.post(HTTP, second + "/api/v1/models/shared/forecast",
                "{\"series\": [{\"values\": [%s]}]}".formatted(values()));
        assertThat(JSON.readTree(viaAlias.body()).get("version").asInt()).isEqualTo(4);
    }

    private String start(String name) throws Exception {
        if (replicas == null) {
            replicas = new Replicas(data);
        }
        return "http://localhost:" + replicas.start(name);
    }

    private static String submit(String base, int epochs) throws Exception {
        HttpResponse<String> response = DeployedStack.post(HTTP, base + "/api/v1/training-jobs", """
                {"model": "shared", "data": {"series": [{"values": [%s]}]},
                 "spec": {"hiddenSize": 8, "window": 12, "horizon": 3}, "training": {"epochs": %d}}"""
                .formatted(values(), epochs));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static JsonNode await(String base, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode job = JSON.readTree(DeployedStack.get(HTTP, base + "/api/v1/training-jobs/" + id).body());
            String status = job.get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String values() {
        StringBuilder values = new StringBuilder();
        for (int t = 0; t < 80; t++) {
            values.append(t == 0 ? "" : ",").append(Math.round(Math.sin(t * 0.4) * 1000) / 1000.0);
        }
        return values.toString();
    }
}
