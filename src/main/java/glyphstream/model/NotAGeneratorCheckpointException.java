package glyphstream.model;

import java.io.IOException;

/** A readable file that is not a generator checkpoint (the evaluation classifier beside it, say). */
public class NotAGeneratorCheckpointException extends IOException {

    public NotAGeneratorCheckpointException(String message) {
        super(message);
    }
}
