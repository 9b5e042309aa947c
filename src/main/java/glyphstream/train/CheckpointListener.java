package glyphstream.train;

import glyphstream.model.CheckpointMetadata;

import java.nio.file.Path;

/** Told after each generator checkpoint is saved, e.g. to publish it as a model update. */
@FunctionalInterface
public interface CheckpointListener {

    void onCheckpoint(Path file, CheckpointMetadata metadata);
}
