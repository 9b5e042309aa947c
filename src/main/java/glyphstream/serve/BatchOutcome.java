package glyphstream.serve;

import glyphstream.wire.avro.GeneratedImage;

import java.util.List;

/** What became of one buffered request in a flushed batch: its images, or why it could not be drawn. */
sealed interface BatchOutcome {

    BufferedRequest request();

    record Drawn(BufferedRequest request, List<GeneratedImage> images) implements BatchOutcome {
    }

    record Refused(BufferedRequest request, Rejection rejection) implements BatchOutcome {
    }
}
