package glyphstream.train;

import glyphstream.model.CheckpointMetadata;

import java.nio.file.Path;

/** What a training run left behind. */
public record TrainingResult(Path checkpoint, Path state, CheckpointMetadata metadata, double seconds) {
}
