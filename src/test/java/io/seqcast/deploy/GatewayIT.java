package io.seqcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.Deadline;
import io.seqcast.TestKeys;
import io.seqcast.api.RawHttp;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real gateway: Debian's nginx with deploy/nginx/default.conf (upstream and listen ports rewritten
 * for the test) in front of two processes of the built jar on one data folder. Skipped, saying so,
 * only where nginx is not installed; .ci/run installs it.
 */
class GatewayIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    private Replicas replicas;
    private Process nginx;

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(30, TimeUnit.SECONDS);
        }
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void throughTheGatewayBothReplicasServeWhatOneTrainedAndNothingElseGetsThrough() throws Exception {
        Path binary = Stream.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(binary != null, "nginx is not installed (apt-get install nginx-light): the gateway"
                + " test needs the real thing");
        replicas = new Replicas(data.resolve("shared"));
        int first = replicas.start("gateway-1");
        int second = replicas.start("gateway-2");
        int port = Replicas.freePort();
        nginx = startNginx(binary, port, first, second);
        String gateway = "http://127.0.0.1:" + port;

        // Trained through the gateway, served by both replicas and by the gateway.
        HttpResponse<String> submitted = post(gateway + "/api/v1/training-jobs", TestKeys.ADMIN, training("gw", 5));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        assertThat(submitted.headers().firstValue("Location").orElseThrow()).startsWith(gateway + "/api/v1/training-jobs/");
        String id = JSON.readTree(submitted.body()).get("id").asString();
        Deadline.await(Duration.ofMinutes(2), "job succeeded",
                () -> status(gateway, id).equals("SUCCEEDED"));
        String forecast = "{\"series\": [{\"values\": [" + values(60) + "]}]}";
        List<String> answers = new ArrayList<>();
        for (String base : List.of("http://127.0.0.1:" + first, "http://127.0.0.1:" + second, gateway, gateway)) {
            HttpResponse<String> response = post(base + "/api/v1/models/gw/forecast", TestKeys.FORECASTER, forecast);
            assertThat(response.statusCode()).as(base).isEqualTo(200);
            ObjectNode answer = (ObjectNode) JSON.readTree(response.body());
            ((ObjectNode) answer.get("receipt")).remove("time");
            answers.add(answer.toString());
        }
        assertThat(answers).as("every replica serves version 1 alike, receipts too (but their time)")
                .containsOnly(answers.get(0));

        // Server-sent events arrive while the job runs, not buffered until it ends.
        HttpResponse<String> longJob = post(gateway + "/api/v1/training-jobs", TestKeys.ADMIN, training("gw-long", 10_000));
        String longId = JSON.readTree(longJob.body()).get("id").asString();
        Deadline.await(Duration.ofMinutes(1), "long job running", () -> status(gateway, longId).equals("RUNNING"));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> events = reader.submit(() -> {
                HttpResponse<java.io.InputStream> stream = HTTP.send(HttpRequest.newBuilder(
                        URI.create(gateway + "/api/v1/training-jobs/" + longId + "/events"))
                        .header("Authorization", "Bearer " + TestKeys.ADMIN).build(), HttpResponse.BodyHandlers.ofInputStream());
                int seen = 0;
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while (seen < 3 && (line = lines.readLine()) != null) {
                        if (line.startsWith("event:job")) {
                            seen++;
                        }
                    }
                }
                return seen;
            });
            assertThat(events.get(1, TimeUnit.MINUTES)).isEqualTo(3);
            assertThat(status(gateway, longId)).as("three events came before the job ended").isEqualTo("RUNNING");
        } finally {
            reader.shutdownNow();
            post(gateway + "/api/v1/training-jobs/" + longId + "/cancel", TestKeys.ADMIN, "");
        }

        // Actuator is not reachable through the gateway, however spelled.
        for (String path : List.of("/actuator/health", "/actuator/info", "/actuator/prometheus", "/%61ctuator/info",
                "/api/../actuator/prometheus", "/v3/../actuator/info")) {
            RawHttp.Response response = RawHttp.send(port, "GET", path, TestKeys.ADMIN, null, null);
            assertThat(response.status()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("seqcast_", "\"engine\"");
        }

        // A body over the limit: 413, in the service's problem shape.
        RawHttp.Response tooLarge = RawHttp.send(port, "POST", "/api/v1/training-jobs", TestKeys.ADMIN,
                "application/json", "{\"model\": \"big\", \"data\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");

        // The spellings that once let a forecaster delete and train are refused through the gateway too.
        int jobsBefore = JSON.readTree(get(gateway + "/api/v1/training-jobs?size=100").body()).get("total").asInt();
        for (String[] attempt : new String[][] {{"DELETE", "/api/v1/%6Dodels/gw/versions/1"},
                {"DELETE", "/api/v1/models/gw/versions/%31"}, {"POST", "/api/v1;x/training-jobs"},
                {"POST", "/api/v1/%74raining-jobs"}, {"POST", "/api/v1/training%2Djobs"},
                {"POST", "/api/v1//training-jobs"}, {"POST", "/api/v1/./training-jobs"}}) {
            RawHttp.Response response = RawHttp.send(port, attempt[0], attempt[1], TestKeys.FORECASTER,
                    "application/json", attempt[0].equals("POST") ? training("sneaky", 1) : null);
            assertThat(response.status()).as(attempt[0] + " " + attempt[1]).isIn(400, 401, 403);
        }
        assertThat(JSON.readTree(get(gateway + "/api/v1/models/gw").body()).get("versions").toString()).isEqualTo("[1]");
        assertThat(JSON.readTree(get(gateway + "/api/v1/training-jobs?size=100").body()).get("total").asInt())
                .isEqualTo(jobsBefore);
    }

    private Process startNginx(Path binary, int port, int first, int second) throws Exception {
        Path prefix = Files.createDirectories(data.resolve("nginx"));
        String server = Files.readString(Path.of("deploy/nginx/default.conf"))
                .replace("server seqcast-1:8080", "server 127.0.0.1:" + first)
                .replace("server seqcast-2:8080", "server 127.0.0.1:" + second)
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";");
        assertThat(server).contains("127.0.0.1:" + first, "127.0.0.1:" + second, "listen 127.0.0.1:" + port);
        String conf = (System.getProperty("user.name").equals("root") ? "user root;\n" : "") + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(prefix, server);
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process process = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(new File("target/gateway-nginx.log")).start();
        Deadline.await(Duration.ofSeconds(30), "nginx listening (see target/gateway-nginx.log)", () -> {
            assertThat(process.isAlive()).as("nginx runs (see target/gateway-nginx.log)").isTrue();
            try {
                return RawHttp.send(port, "GET", "/actuator/health", null, null, null).status() == 404;
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
        return process;
    }

    private static String status(String gateway, String id) throws Exception {
        return JSON.readTree(get(gateway + "/api/v1/training-jobs/" + id).body()).get("status").asString();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TestKeys.ADMIN)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String key, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String training(String model, int epochs) {
        return """
                {"model": "%s", "data": {"series": [{"values": [%s]}]},
                 "spec": {"hiddenSize": 8, "window": 12, "horizon": 3}, "training": {"epochs": %d, "batchSize": 4,
                 "earlyStoppingPatience": 0}}""".formatted(model, values(400), epochs);
    }

    private static String values(int points) {
        StringBuilder values = new StringBuilder();
        for (int t = 0; t < points; t++) {
            values.append(t == 0 ? "" : ",").append(Math.round((Math.sin(t * 0.4) + 0.01 * t) * 1000) / 1000.0);
        }
        return values.toString();
    }
}
