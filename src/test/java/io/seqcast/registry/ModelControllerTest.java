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
        verifyNoInteractions(registry);
        given(registry.aliases("demand")).willReturn(Map.of("production", 3));
        mvc.perform(put("/api/v1/models/demand/aliases/production").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 3}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.production").value(3));
    }

    @Test
    void aNonNumericVersionIs400() throws Exception {
        mvc.perform(get("/api/v1/models/demand/versions/latest"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'version' must be a whole number"));
    }
}
