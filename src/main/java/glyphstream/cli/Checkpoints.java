package glyphstream.cli;

import glyphstream.model.GeneratorCheckpoint;
import glyphstream.serve.GeneratorLoader;

/** The one place the CLI gets its generator checkpoint loader from. */
final class Checkpoints {

    private Checkpoints() {
    }

    static GeneratorLoader loader() {
        return GeneratorCheckpoint::load;
    }
}
