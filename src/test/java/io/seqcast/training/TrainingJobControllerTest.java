package io.seqcast.training;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seqcast.engine.InvalidInputException;
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
@WebMvcTest(TrainingJobController.class)
class TrainingJobControllerTest {

    private static final TrainingJob QUEUED = new TrainingJob("42", "demand", JobStatus.QUEUED,
            new TrainingJob.Progress(0, 10, null, null), List.of(), null, null, Instant.EPOCH, null, null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TrainingJobService jobs;

    @Test
    void aValidRequestIsAcceptedWithTheJobsLocation() throws Exception {
        given(jobs.submit(any())).willReturn(QUEUED);
        mvc.perform(post("/api/v1/training-jobs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"model\": \"demand\", \"data\": {\"series\": [{\"values\": [1, 2, 3]}]}}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "http://localhost/api/v1/training-jobs/42"))
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.progress.epochs").value(10));
    }

    @Test
    void invalidInputIsAProblemWithAPointer() throws Exception {
        given(jobs.submit(any())).willThrow(new InvalidInputException("/data/series/0/values/2", "not a finite number"));
        mvc.perform(post("/api/v1/training-jobs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"model\": \"demand\", \"data\": {\"series\": [{\"values\": [1, 2, 1e999]}]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/data/series/0/values/2"));
    }

    @Test
    void anUnknownEnumValueNamesTheAllowedOnesAndTheField() throws Exception {
        mvc.perform(post("/api/v1/training-jobs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"model\": \"m\", \"training\": {\"optimizer\": \"LBFGS\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("[ADAM, SGD, RMSPROP, ADAGRAD]")))
                .andExpect(jsonPath("$.errors[0].pointer").value("/training/optimizer"));
    }

    @Test
    void bareNanIsRefusedWithoutNamingParserInternals() throws Exception {
        mvc.perform(post("/api/v1/training-jobs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"model\": \"m\", \"data\": {\"series\": [{\"values\": [1, NaN]}]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("NaN and Infinity are not JSON numbers")))
                .andExpect(jsonPath("$.detail").value(not(containsString("Jackson"))))
                .andExpect(jsonPath("$.detail").value(not(containsString("JsonReadFeature"))));
    }

    @Test
    void aCsvFileWithSettingsInTheQueryIsAcceptedLikeJson() throws Exception {
        given(jobs.submit(any())).willReturn(QUEUED);
        mvc.perform(post("/api/v1/training-jobs?model=demand&cell=GRU&epochs=10").contentType("text/csv")
                        .content("value\n1\n2\n3\n"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "http://localhost/api/v1/training-jobs/42"));
        org.mockito.Mockito.verify(jobs).submit(org.mockito.ArgumentMatchers.argThat(request ->
                request.model().equals("demand") && request.spec().cell() == io.seqcast.engine.CellType.GRU
                        && request.training().epochs() == 10 && request.data().series().size() == 1));
    }

    @Test
    void aCsvSubmissionIsToldAboutItsQueryParameterOrItsBodyNeverAJsonPointer() throws Exception {
        given(jobs.submit(any())).willThrow(new InvalidInputException("/spec/horizon", "horizon must be between 1 and 1024"));
        mvc.perform(post("/api/v1/training-jobs?model=demand&horizon=5000").contentType("text/csv").content("value\n1\n2\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("horizon"))
                .andExpect(jsonPath("$.errors[0].pointer").doesNotExist());
        org.mockito.Mockito.reset(jobs);
        given(jobs.submit(any())).willThrow(new InvalidInputException("/data/series/0/values", "has 2 points"));
        mvc.perform(post("/api/v1/training-jobs?model=demand").contentType("text/csv").content("value\n1\n2\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/csv"));
    }

    @Test
    void aCsvSettingOfTheWrongTypeIsAProblemNamingItsQueryParameter() throws Exception {
        mvc.perform(post("/api/v1/training-jobs?model=demand&epochs=many").contentType("text/csv").content("value\n1\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].parameter").value("epochs"))
                .andExpect(jsonPath("$.detail").value("epochs: 'many' is not a valid value"));
        mvc.perform(post("/api/v1/training-jobs?model=demand&cell=TRANSFORMER").contentType("text/csv")
                        .content("value\n1\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("cell"));
        org.mockito.Mockito.verifyNoInteractions(jobs);
    }

    @Test
    void anEmptyBodyIsToldItHasNoBodyWhateverItsType() throws Exception {
        for (String type : new String[] {"text/csv", "application/json"}) {
            mvc.perform(post("/api/v1/training-jobs?model=demand").contentType(type).content(""))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("the request has no body; this endpoint needs one (see /v3/api-docs)"));
        }
        org.mockito.Mockito.verifyNoInteractions(jobs);
    }

    @Test
    void otherContentTypesAre415() throws Exception {
        mvc.perform(post("/api/v1/training-jobs").contentType(MediaType.APPLICATION_XML).content("<a/>"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aFullQueueIs503WithRetryAfter() throws Exception {
        given(jobs.submit(any())).willThrow(new TrainingException.QueueFull(16, 30));
        mvc.perform(post("/api/v1/training-jobs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"model\": \"demand\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownJobIs404AndCancellingAFinishedOneIs409() throws Exception {
        given(jobs.get("nope")).willThrow(new TrainingException.JobNotFound("nope"));
        mvc.perform(get("/api/v1/training-jobs/nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Job not found"));
        given(jobs.cancel("done")).willThrow(new TrainingException.JobFinished("done", JobStatus.SUCCEEDED));
        mvc.perform(post("/api/v1/training-jobs/done/cancel"))
                .andExpect(status().isConflict());
    }

    @Test
    void jobsAreListedInPagesFilteredByModelAndStatus() throws Exception {
        given(jobs.list("demand", JobStatus.QUEUED)).willReturn(List.of(QUEUED, QUEUED, QUEUED));
        mvc.perform(get("/api/v1/training-jobs?model=demand&status=QUEUED&page=1&size=2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/v1/training-jobs?status=DONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("QUEUED")));
        mvc.perform(get("/api/v1/training-jobs?size=0"))
                .andExpect(status().isBadRequest());
    }
}
