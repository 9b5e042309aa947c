package glyphstream.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A generator loaded from a checkpoint file, with the metadata it was saved with. */
public final class CheckpointedGenerator extends NetworkGenerator {

    private final CheckpointMetadata metadata;

    CheckpointedGenerator(MultiLayerNetwork network, CheckpointMetadata metadata) {
        super(network, metadata.info());
        this.metadata = metadata;
    }

    public CheckpointMetadata metadata() {
        return metadata;
    }
}
