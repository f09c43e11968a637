package io.seqcast.training;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "One page of training jobs, newest first")
record JobPage(List<TrainingJob> items, int page, int size, long total) {}
