package io.seqcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fourth seed experiment over real HTTP: a text,label CSV of words in six languages trains a
 * classifier, which then names the language of held-out words; a classifier does not forecast, nor a
 * forecaster classify.
 */
class ClassifyOverHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    @Test
    void wordsTrainAClassifierThatNamesTheLanguageOfHeldOutWords() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SeqcastApplication.class)
                .properties(TestKeys.PROPERTIES).run("--server.port=0", "--seqcast.registry.root=" + data.resolve("r"),
                        "--seqcast.training.jobs=" + data.resolve("j"), "--seqcast.engine.warm-up=false")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> submitted = send(base + "/api/v1/training-jobs?model=languages&epochs=15", "text/csv",
                    resource("small-train.csv"));
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            String location = submitted.headers().firstValue("Location").orElseThrow();
            Deadline.await(Duration.ofMinutes(2), "training ends", () -> !List.of("QUEUED", "RUNNING")
                    .contains(JSON.readTree(send(location, null, null).body()).get("status").asString()));
            JsonNode job = JSON.readTree(send(location, null, null).body());
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
            JsonNode metrics = job.get("result").get("classification");
            assertThat(metrics.get("accuracy").asDouble()).isGreaterThan(0.4);
            assertThat(metrics.get("confusion").size()).isEqualTo(6);

            String[] test = resource("small-test.csv").split("\n");
            StringBuilder body = new StringBuilder("{\"top\": 2, \"sequences\": [");
            for (int i = 1; i < test.length; i++) {
                body.append(i == 1 ? "" : ",").append("{\"id\": \"").append(i).append("\", \"text\": \"")
                        .append(test[i].split(",")[0]).append("\"}");
            }
            HttpResponse<String> classified = send(base + "/api/v1/models/languages/classify", "application/json",
                    body.append("]}").toString());
            assertThat(classified.statusCode()).as(classified.body()).isEqualTo(200);
            JsonNode predictions = JSON.readTree(classified.body()).get("predictions");
            int right = 0;
            for (int i = 1; i < test.length; i++) {
                JsonNode labels = predictions.get(i - 1).get("labels");
                assertThat(labels.size()).isEqualTo(2);
                right += labels.get(0).get("label").asString().equals(test[i].split(",")[1]) ? 1 : 0;
            }
            assertThat((double) right / (test.length - 1)).isGreaterThan(0.5);

            HttpResponse<String> forecast = send(base + "/api/v1/models/languages/forecast", "application/json",
                    "{\"series\": [{\"values\": [1, 2, 3, 4]}], \"horizon\": 1}");
            assertThat(forecast.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(forecast.body()).get("title").asString()).isEqualTo("Wrong task");

            HttpResponse<String> numbers = send(base + "/api/v1/models/languages/classify", "application/json",
                    "{\"sequences\": [{\"values\": [1, 2, 3]}]}");
            assertThat(numbers.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(numbers.body()).get("errors").get(0).get("pointer").asString())
                    .isEqualTo("/sequences");
            assertThat(JSON.readTree(numbers.body()).get("detail").asString()).contains("trained on texts");

            HttpResponse<String> unpaired = send(base + "/api/v1/models/languages/classify", "application/json",
                    "{\"sequences\": [{\"text\": \"a\\uD800b\"}]}");
            assertThat(unpaired.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(unpaired.body()).get("errors").get(0).get("pointer").asString())
                    .isEqualTo("/sequences/0/text");

            // One name, one task: a forecasting job under the classifier's name is refused before it queues.
            HttpResponse<String> mixed = send(base + "/api/v1/training-jobs", "application/json",
                    "{\"model\": \"languages\", \"data\": {\"series\": [{\"values\": [1,2,3,4,5,6,7,8,9,10,11,12,"
                            + "13,14,15,16,17,18,19,20]}]}, \"spec\": {\"window\": 4, \"horizon\": 2}}");
            assertThat(mixed.statusCode()).as(mixed.body()).isEqualTo(409);
            assertThat(JSON.readTree(mixed.body()).get("title").asString()).isEqualTo("Task mismatch");
        }
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = ClassifyOverHttpTest.class.getResourceAsStream("/words/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> send(String url, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TestKeys.ADMIN);
        if (body != null) {
            request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
