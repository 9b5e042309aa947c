package glyphstream.serve;

import glyphstream.model.DigitGenerator;

import java.io.IOException;

/** Turns checkpoint file bytes into a ready generator; each call returns a new, independent copy. */
@FunctionalInterface
public interface GeneratorLoader {

    DigitGenerator load(byte[] checkpoint) throws IOException;
}
