package glyphstream.cli;

/** Quiet by default (DL4J and Kafka are chatty); -v shows detail. Must run before the first logger is made. */
final class Logging {

    private Logging() {
    }

    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.glyphstream", verbose ? "debug" : "info");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", String.valueOf(verbose));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }
}
