package glyphstream.serve;

/** Why a request was set aside on the rejected topic; the name is the reason code on the wire. */
public enum RejectReason {
    /** Neither Avro single-object bytes nor a JSON request object. */
    UNDECODABLE,
    /** Decoded, but no request id (Avro with a blank id; JSON without id and without record key). */
    MISSING_REQUEST_ID,
    EMPTY_TEXT,
    NON_DIGIT_TEXT,
    /** Longer than request.text.max.length. */
    TEXT_TOO_LONG,
    /** count below 1 or above request.count.max. */
    COUNT_OUT_OF_RANGE,
    /** Pinned to a model version this server has not loaded. */
    UNKNOWN_MODEL_VERSION,
    /** The generator failed on the batch holding this request. */
    GENERATION_FAILED
}
