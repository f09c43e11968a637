package io.seqcast.registry;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import io.seqcast.engine.Backtest;
import io.seqcast.engine.CellType;
import io.seqcast.engine.ModelManifest;
import io.seqcast.engine.ModelSpec;
import io.seqcast.engine.SequenceKind;
import io.seqcast.engine.TrainingSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

// The controller's contract alone; who may call it is tested over HTTP (EndpointSecurityTest).
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(ModelController.class)
class ModelControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ModelRegistry registry;

    @MockitoBean
    Promotions promotions;

    @Test
    void modelsAndVersionsAreListed() throws Exception {
        given(registry.models()).willReturn(List.of(new ModelInfo("demand", List.of(1, 2), 2, Map.of("production", 1))));
        mvc.perform(get("/api/v1/models"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("demand"))
                .andExpect(jsonPath("$[0].aliases.production").value(1));
    }

    @Test
    void anUnknownModelIs404Problem() throws Exception {
        given(registry.model("nope")).willThrow(new RegistryException.ModelNotFound("nope"));
        mvc.perform(get("/api/v1/models/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no model named 'nope' is registered"));
    }

    @Test
    void aVersionsBacktestIsServedAndAVersionWithoutOneIs404Problem() throws Exception {
        Backtest backtest = new Backtest(12, 2, List.of("SES", "NETWORK"), Map.of(Backtest.MODEL,
                new Backtest.Steps(new double[] {0.5, 0.7}, new double[] {4.0, 6.0}, new double[] {10, 14})), null);
        given(registry.version("demand", 3)).willReturn(new VersionInfo(3, true, null, List.of(), manifest(backtest)));
        mvc.perform(get("/api/v1/models/demand/versions/3/backtest"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.origins").value(12))
                .andExpect(jsonPath("$.horizon").value(2))
                .andExpect(jsonPath("$.scores.MODEL.mase[1]").value(0.7))
                .andExpect(jsonPath("$.scores.MODEL.rmse[0]").value(10.0));
        given(registry.version("demand", 2)).willReturn(new VersionInfo(2, true, null, List.of(), manifest(null)));
        mvc.perform(get("/api/v1/models/demand/versions/2/backtest"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("No backtest"));
    }

    private static ModelManifest manifest(Backtest backtest) {
        return new ModelManifest(ModelManifest.FORMAT_VERSION, SequenceKind.SERIES, List.of("value"),
                new ModelSpec(CellType.LSTM, 8, 1, 0, 24, 2), TrainingSpec.DEFAULT, List.of(), 12, null, null, "0".repeat(64), null,
                Instant.parse("2026-11-27T00:00:00Z"), Map.of(), null, backtest, null, null, null);
    }

    @Test
    void deletingAVersionAnAliasPointsToIs409() throws Exception {
        willThrow(new RegistryException.VersionInUse("demand", 1, "production")).given(registry).delete("demand", 1);
        mvc.perform(delete("/api/v1/models/demand/versions/1"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Version in use"));
        mvc.perform(delete("/api/v1/models/demand/versions/2")).andExpect(status().isNoContent());
    }

    @Test
    void anAliasNeedsAVersionNumber() throws Exception {
        mvc.perform(put("/api/v1/models/demand/aliases/production").contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/version"));
        verifyNoInteractions(registry, promotions);
        given(registry.aliases("demand")).willReturn(Map.of("production", 3));
        mvc.perform(put("/api/v1/models/demand/aliases/production").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 3}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.production").value(3));
    }

    @Test
    void aPromotionThatDoesNotBeatTheChampionIs409WithBothScores() throws Exception {
        Backtest.Steps steps = new Backtest.Steps(new double[] {0.9}, new double[] {5}, new double[] {2});
        VersionComparison comparison = new VersionComparison("demand", 1, 30, 0,
                new VersionComparison.Side(4, null, 0.92, steps), new VersionComparison.Side(3, "production", 0.81, steps),
                false);
        willThrow(new RegistryException.NotBetter("demand", comparison)).given(promotions)
                .promote("demand", "production", 4, "production");
        mvc.perform(put("/api/v1/models/demand/aliases/production").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 4, \"requireBetterThan\": \"production\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not better"))
                .andExpect(jsonPath("$.candidate.version").value(4))
                .andExpect(jsonPath("$.candidate.mase").value(0.92))
                .andExpect(jsonPath("$.against.alias").value("production"))
                .andExpect(jsonPath("$.against.mase").value(0.81))
                .andExpect(jsonPath("$.origins").value(30));
    }

    @Test
    void aComparisonNamesTheOtherVersionByAliasByDefault() throws Exception {
        Backtest.Steps steps = new Backtest.Steps(new double[] {0.7}, new double[] {5}, new double[] {2});
        given(promotions.compare("demand", 4, "production")).willReturn(new VersionComparison("demand", 1, 30, 2,
                new VersionComparison.Side(4, null, 0.7, steps), new VersionComparison.Side(3, "production", 0.8, steps),
                true));
        mvc.perform(get("/api/v1/models/demand/versions/4/comparison"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidateBetter").value(true))
                .andExpect(jsonPath("$.against.version").value(3))
                .andExpect(jsonPath("$.candidate.steps.mase[0]").value(0.7));
    }

    @Test
    void aNonNumericVersionIs400() throws Exception {
        mvc.perform(get("/api/v1/models/demand/versions/latest"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'version' must be a whole number"));
    }
}
