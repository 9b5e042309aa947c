package glyphstream.serve;

import glyphstream.config.GlyphConfig;
import glyphstream.config.Settings;
import glyphstream.wire.avro.DigitRequest;

import java.util.Optional;
import java.util.function.Predicate;

/** The checks a decoded request must pass before it is drawn. */
public final class RequestRules {

    private final int maxTextLength;
    private final int maxCount;

    public RequestRules(int maxTextLength, int maxCount) {
        this.maxTextLength = maxTextLength;
        this.maxCount = maxCount;
    }

    public static RequestRules from(GlyphConfig config) {
        return new RequestRules(config.getPositiveInt(Settings.TEXT_MAX_LENGTH), config.getPositiveInt(Settings.COUNT_MAX));
    }

    /** @return the first broken rule, or empty when the request may be drawn */
    public Optional<Rejection> check(DigitRequest request, Predicate<String> knownModelVersion) {
        String id = request.getRequestId();
        if (id == null || id.isBlank()) {
            return reject(RejectReason.MISSING_REQUEST_ID, "request has no requestId");
        }
        String text = request.getText();
        if (text == null || text.isEmpty()) {
            return reject(RejectReason.EMPTY_TEXT, "request " + id + " has empty text");
        }
        if (text.length() > maxTextLength) {
            return reject(RejectReason.TEXT_TOO_LONG, "request " + id + " asks for " + text.length()
                    + " digits, at most " + maxTextLength + " allowed");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return reject(RejectReason.NON_DIGIT_TEXT, "request " + id + " text has '" + c + "' at character "
                        + (i + 1) + " (only 0-9 allowed)");
            }
        }
        int count = request.getCount();
        if (count < 1 || count > maxCount) {
            return reject(RejectReason.COUNT_OUT_OF_RANGE, "request " + id + " asks for count " + count
                    + ", allowed 1.." + maxCount);
        }
        String pinned = request.getModelVersion();
        if (pinned != null && !knownModelVersion.test(pinned)) {
            return reject(RejectReason.UNKNOWN_MODEL_VERSION, "request " + id + " is pinned to model version \""
                    + pinned + "\", which this server has not loaded");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(RejectReason reason, String message) {
        return Optional.of(new Rejection(reason, message));
    }
}
