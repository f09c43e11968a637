package io.seqcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.engine.SequenceEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The short version of the soak (bench/soak.py runs the long one): concurrent forecasts without errors
 * or native leaks, a burst of training jobs against the bounded queue, and a version deleted under load.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "seqcast.registry.root=target/test-data/load/registry",
        "seqcast.training.jobs=target/test-data/load/jobs",
        "seqcast.training.queue-capacity=4",
        "seqcast.security.keys[0].name=test-admin",
        "seqcast.security.keys[0].sha256=944650a7cd0f9e14d5c4fb15edbffb7fa45fb9ed36a4fa9be3d7e5476ae51bd9",
        "seqcast.security.keys[0].role=ADMIN"})
class LoadAndLifecycleTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    SequenceEngine engine;

    @Test
    void concurrentForecastsBurstsOfJobsAndDeletionUnderLoadAllEndIn200s4xxsOr503s() throws Exception {
        String model = "load-" + System.nanoTime();
        int version = train(model);
        String forecast = "{\"series\": [{\"values\": [%s]}, {\"values\": [%s]}], \"horizon\": 6}"
                .formatted(values(40, 0), values(60, 3));
        assertThat(post("/api/v1/models/" + model + "/forecast", forecast).statusCode()).isEqualTo(200);
        int baseline = engine.liveNativeArrays();

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                calls.add(pool.submit(() -> post("/api/v1/models/" + model + "/forecast", forecast).statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get(2, TimeUnit.MINUTES)).isEqualTo(200);
            }
            assertThat(engine.liveNativeArrays()).isEqualTo(baseline);

            Map<Integer, AtomicInteger> burst = new ConcurrentHashMap<>();
            List<Future<?>> submissions = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                submissions.add(pool.submit(() -> {
                    HttpResponse<String> response = post("/api/v1/training-jobs", job(model + "-burst", 3000));
                    burst.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    if (response.statusCode() == 503) {
                        assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    }
                    return null;
                }));
            }
            for (Future<?> submission : submissions) {
                submission.get(2, TimeUnit.MINUTES);
            }
            assertThat(burst.keySet()).containsOnly(202, 503);
            assertThat(burst.get(202).get()).isBetween(4, 5);
            for (Object item : JSON.readTree(get("/api/v1/training-jobs?model=" + model + "-burst&size=200").body())
                    .get("items")) {
                post("/api/v1/training-jobs/" + ((tools.jackson.databind.JsonNode) item).get("id").asString()
                        + "/cancel", "");
            }

            AtomicBoolean deleted = new AtomicBoolean();
            Map<Integer, AtomicInteger> during = new ConcurrentHashMap<>();
            List<Future<?>> load = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                load.add(pool.submit(() -> {
                    int afterDelete = 0;
                    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                    while (afterDelete < 20) {
                        assertThat(System.nanoTime() - deadline).as("load ended in time").isNegative();
                        boolean wasDeleted = deleted.get();
                        int status = post("/api/v1/models/" + model + "/forecast?version=" + version, forecast).statusCode();
                        during.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (wasDeleted) {
                            assertThat(status).isEqualTo(404);
                            afterDelete++;
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(300);
            HttpResponse<String> delete = HTTP.send(request("/api/v1/models/" + model + "/versions/" + version).DELETE()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(delete.statusCode()).isEqualTo(204);
            deleted.set(true);
            for (Future<?> running : load) {
                running.get(2, TimeUnit.MINUTES);
            }
            assertThat(during.keySet()).containsOnly(200, 404);
        } finally {
            pool.shutdown();
        }
    }

    private int train(String model) throws Exception {
        HttpResponse<String> submitted = post("/api/v1/training-jobs", job(model, 5));
        String location = submitted.headers().firstValue("Location").orElseThrow();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            var job = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(location))
                    .header("Authorization", "Bearer " + TestKeys.ADMIN).build(), HttpResponse.BodyHandlers.ofString())
                    .body());
            if (job.get("status").asString().equals("SUCCEEDED")) {
                return job.get("result").get("version").asInt();
            }
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String job(String model, int epochs) {
        return "{\"model\": \"%s\", \"data\": {\"series\": [{\"values\": [%s]}]}, \"spec\": {\"hiddenSize\": 8,"
                .formatted(model, values(300, 0)) + " \"window\": 12, \"horizon\": 3}, \"training\": {\"epochs\": "
                + epochs + "}}";
    }

    private static String values(int n, int phase) {
        StringBuilder values = new StringBuilder();
        for (int t = 0; t < n; t++) {
            values.append(t == 0 ? "" : ",").append(Math.round(Math.sin((t + phase) * 0.4) * 1000) / 1000.0);
        }
        return values.toString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestKeys.ADMIN);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
