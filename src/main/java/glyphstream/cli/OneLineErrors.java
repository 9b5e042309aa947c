package glyphstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a failed command into one clear line on stderr and exit code 1; -v adds the stack trace. */
final class OneLineErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        boolean verbose = parsed.expandedArgs().contains("-v") || parsed.expandedArgs().contains("--verbose");
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cmd.getErr().println("glyphstream " + cmd.getCommandName() + ": " + message.lines().findFirst().orElse(""));
        if (verbose) {
            e.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return 1;
    }
}
