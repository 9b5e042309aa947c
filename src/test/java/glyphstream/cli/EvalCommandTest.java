package glyphstream.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldTellToFetchTheDataInOneLineWhenTheTestFilesAreMissing() {
        CommandLine cli = new CommandLine(new EvalCommand());
        cli.setExecutionExceptionHandler(new OneLineErrors());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("--data", dir.toString());

        assertEquals(1, code);
        assertEquals("glyphstream eval: " + dir.resolve("train-images-idx3-ubyte.gz")
                + " is missing; run `./glyphstream data fetch` first", err.toString().strip());
    }
}
