package io.seqcast.forecasting;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seqcast.engine.InvalidInputException;
import io.seqcast.registry.RegistryException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

// The controller's contract alone; who may call it is tested over HTTP (EndpointSecurityTest).
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(ForecastController.class)
class ForecastControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ForecastService forecasts;

    @Test
    void forecastsCarryTheVersionUsedAndTimestamps() throws Exception {
        given(forecasts.forecast(eq("demand"), eq(null), eq("production"), any())).willReturn(new ForecastResponse(
                "demand", 3, List.of(new ForecastResponse.Forecast("a", new float[] {1.5f, 2.5f},
                        List.of(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")), null,
                        List.of(new ForecastResponse.Band(80, "BACKTEST", new float[] {1.0f, 1.5f}, new float[] {2.0f, 3.5f})), null,
                        null)),
                new ForecastResponse.Receipt("demand", 3, "ab".repeat(32), "cd".repeat(32), "PyTorch", "2.7.1", "cpu()",
                        Instant.parse("2024-01-31T12:00:00Z"))));
        mvc.perform(post("/api/v1/models/demand/forecast?alias=production").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"series\": [{\"id\": \"a\", \"values\": [1, 2, 3]}], \"horizon\": 2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.forecasts[0].values[1]").value(2.5))
                .andExpect(jsonPath("$.forecasts[0].timestamps[0]").value("2024-02-01T00:00:00Z"))
                .andExpect(jsonPath("$.forecasts[0].points").doesNotExist())
                .andExpect(jsonPath("$.forecasts[0].intervals[0].upper[1]").value(3.5))
                .andExpect(jsonPath("$.forecasts[0].intervals[0].calibration").value("BACKTEST"))
                .andExpect(jsonPath("$.forecasts[0].quantiles").doesNotExist())
                .andExpect(jsonPath("$.receipt.manifestSha256").value("ab".repeat(32)))
                .andExpect(jsonPath("$.receipt.time").value("2024-01-31T12:00:00Z"));
    }

    @Test
    void aSeriesShorterThanTheWindowIsAProblemWithItsIndex() throws Exception {
        given(forecasts.forecast(eq("demand"), any(), any(), any()))
                .willThrow(new InvalidInputException("/series/1/values", "at least 24 are expected"));
        mvc.perform(post("/api/v1/models/demand/forecast").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"series\": [{\"values\": [1]}, {\"values\": [1]}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].pointer").value("/series/1/values"));
    }

    @Test
    void anUnknownModelIs404() throws Exception {
        given(forecasts.forecast(eq("nope"), any(), any(), any())).willThrow(new RegistryException.ModelNotFound("nope"));
        mvc.perform(post("/api/v1/models/nope/forecast").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyJsonIsAccepted() throws Exception {
        mvc.perform(post("/api/v1/models/demand/forecast").contentType("application/x-java-serialized-object")
                        .content(new byte[] {(byte) 0xac, (byte) 0xed}))
                .andExpect(status().isUnsupportedMediaType());
    }
}
