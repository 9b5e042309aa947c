package glyphstream.serve;

/** A reason code and a one-line message saying what was wrong. */
public record Rejection(RejectReason reason, String message) {

    public Rejection {
        message = message.lines().findFirst().orElse("").strip();
    }
}
