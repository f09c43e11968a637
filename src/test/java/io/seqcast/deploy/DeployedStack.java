package io.seqcast.deploy;

import io.seqcast.Deadline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The walkthrough against a deployed service: a small sine model trained, followed and forecast. */
final class DeployedStack {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The admin key the deployed service is configured with (as a hash), see {@link #KEY_SHA256}. */
    static final String KEY = io.seqcast.TestKeys.ADMIN;
    static final String KEY_SHA256 = "944650a7cd0f9e14d5c4fb15edbffb7fa45fb9ed36a4fa9be3d7e5476ae51bd9";

    private DeployedStack() {}

    static void trainAndForecast(HttpClient http, String base) throws Exception {
        StringBuilder values = new StringBuilder();
        for (int t = 0; t < 120; t++) {
            values.append(t == 0 ? "" : ",").append(Math.round(Math.sin(t * 0.3) * 1000) / 1000.0);
        }
        HttpResponse<String> submitted = post(http, base + "/api/v1/training-jobs", """
                {"model": "it-sine", "data": {"series": [{"id": "s", "values": [%s]}]},
                 "spec": {"window": 12, "horizon": 3}, "training": {"epochs": 5}}""".formatted(values));
        assertThat(submitted.statusCode()).isEqualTo(202);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(base);
        Deadline.await(Duration.ofMinutes(2), "training job ended", () -> {
            String now = JSON.readTree(get(http, location).body()).get("status").asString();
            return !now.equals("QUEUED") && !now.equals("RUNNING");
        });
        assertThat(JSON.readTree(get(http, location).body()).get("status").asString()).isEqualTo("SUCCEEDED");
        HttpResponse<String> forecast = post(http, base + "/api/v1/models/it-sine/forecast",
                "{\"series\": [{\"id\": \"s\", \"values\": [%s]}], \"horizon\": 6}".formatted(values));
        assertThat(forecast.statusCode()).isEqualTo(200);
        JsonNode forecasts = JSON.readTree(forecast.body()).get("forecasts");
        assertThat(forecasts.get(0).get("values").size()).isEqualTo(6);
    }

    static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> put(HttpClient http, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KEY)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(HttpClient http, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
