package io.seqcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole path over real HTTP: train the notes' trajectory, follow the job, forecast; then a new
 * application on the same data folder serves the identical forecast from the persisted version.
 */
class TrainAndForecastOverHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    @Test
    void aTrainedTrajectoryModelForecastsTheSameAfterARestart() throws Exception {
        String forecast;
        try (ConfigurableApplicationContext first = start()) {
            String base = base(first);
            HttpResponse<String> submitted = post(base + "/api/v1/training-jobs", trainingRequest());
            assertThat(submitted.statusCode()).isEqualTo(202);
            String location = submitted.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(base + "/api/v1/training-jobs/");

            JsonNode job = awaitEnd(location);
            assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(job.get("result").get("version").asInt()).isEqualTo(1);
            // Data this small trains three networks by default, each for all 300 epochs: nothing is held out to stop them.
            assertThat(job.get("lossHistory").size()).isEqualTo(3 * 300);

            String events = get(location + "/events").body();
            assertThat(events).startsWith("event:job").contains("\"status\":\"SUCCEEDED\"");

            HttpResponse<String> response = post(base + "/api/v1/models/flight-track/forecast", forecastRequest());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode points = JSON.readTree(response.body()).get("forecasts").get(0).get("points");
            assertThat(points.size()).isEqualTo(10);
            assertThat(points.get(9).get("x").asDouble()).isBetween(12.0, 14.5);
            forecast = response.body();

            HttpResponse<String> manifest = get(base + "/api/v1/models/flight-track/versions/1");
            JsonNode version = JSON.readTree(manifest.body());
            assertThat(version.get("available").asBoolean()).isTrue();
            assertThat(version.get("manifest").get("dataFingerprint").asString()).hasSize(64);
            assertThat(version.get("manifest").get("files").get("parameters.bin").asString()).hasSize(64);
        }
        try (ConfigurableApplicationContext second = start()) {
            String base = base(second);
            HttpResponse<String> again = post(base + "/api/v1/models/flight-track/forecast", forecastRequest());
            assertThat(again.statusCode()).isEqualTo(200);
            // The same numbers and the same receipt (manifest and input hashes, engine); only its time differs.
            ObjectNode before = (ObjectNode) JSON.readTree(forecast);
            ObjectNode after = (ObjectNode) JSON.readTree(again.body());
            ((ObjectNode) before.get("receipt")).remove("time");
            ((ObjectNode) after.get("receipt")).remove("time");
            assertThat(after.get("receipt").get("manifestSha256").asString()).hasSize(64);
            assertThat(after).isEqualTo(before);
            JsonNode jobs = JSON.readTree(get(base + "/api/v1/training-jobs?model=flight-track").body());
            assertThat(jobs.get("total").asInt()).isEqualTo(1);
            assertThat(jobs.get("items").get(0).get("status").asString()).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void shuttingDownMarksARunningJobInterruptedNeverLeavingItRunning() throws Exception {
        String location;
        try (ConfigurableApplicationContext context = start()) {
            String base = base(context);
            StringBuilder values = new StringBuilder();
            for (int t = 0; t < 3000; t++) {
                values.append(t == 0 ? "" : ",").append(Math.sin(t * 0.1));
            }
            location = post(base + "/api/v1/training-jobs", """
                    {"model": "long", "data": {"series": [{"values": [%s]}]},
                     "spec": {"window": 48, "horizon": 1}, "training": {"epochs": 10000, "batchSize": 4}}"""
                    .formatted(values)).headers().firstValue("Location").orElseThrow();
            String running = location;
            Deadline.await(Duration.ofMinutes(1), "job running",
                    () -> JSON.readTree(get(running).body()).get("status").asString().equals("RUNNING"));
        }
        try (ConfigurableApplicationContext restarted = start()) {
            String path = location.substring(location.indexOf("/api/"));
            JsonNode job = JSON.readTree(get(base(restarted) + path).body());
            assertThat(job.get("status").asString()).isEqualTo("INTERRUPTED");
            assertThat(job.get("error").asString()).contains("service stopped");
            assertThat(get(base(restarted) + "/api/v1/models/long").statusCode()).isEqualTo(404);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SeqcastApplication.class).properties(TestKeys.PROPERTIES).run("--server.port=0",
                "--seqcast.registry.root=" + data.resolve("registry"), "--seqcast.training.jobs=" + data.resolve("jobs"),
                "--seqcast.engine.warm-up=false");
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static JsonNode awaitEnd(String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode job = JSON.readTree(get(location).body());
            String status = job.get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            assertThat(System.nanoTime()).as("job still %s", status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static List<String> trackPoints(int from, int to) {
        Random random = new Random(7);
        List<String> points = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double y = 2 + random.nextDouble() * 0.1;
            if (i >= from && i < to) {
                points.add("{\"x\": %.4f, \"y\": %.4f, \"z\": 2.0}".formatted(1 + 9.0 * i / 29, y));
            }
        }
        return points;
    }

    private static String trainingRequest() {
        return """
                {"model": "flight-track",
                 "data": {"trajectories": [{"id": "t1", "points": [%s]}]},
                 "spec": {"cell": "RNN", "hiddenSize": 16, "layers": 1, "window": 15, "horizon": 5},
                 "training": {"epochs": 300, "batchSize": 16, "optimizer": "ADAM", "learningRate": 0.01,
                              "validationFraction": 0, "seed": 7}}
                """.formatted(String.join(",", trackPoints(0, 30)));
    }

    private static String forecastRequest() {
        return """
                {"trajectories": [{"id": "t1", "points": [%s]}], "horizon": 10}
                """.formatted(String.join(",", trackPoints(15, 30)));
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TestKeys.ADMIN)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestKeys.ADMIN).POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
