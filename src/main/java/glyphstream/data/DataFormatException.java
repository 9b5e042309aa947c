package glyphstream.data;

import java.nio.file.Path;

/** Bad input data; the message is one line that names the file and the problem. */
public class DataFormatException extends RuntimeException {

    public DataFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
