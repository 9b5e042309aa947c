package glyphstream.serve;

import glyphstream.wire.avro.RejectedRequest;

import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds RejectedRequest records: the original bytes, the reason and where the request came from. */
final class Rejections {

    private Rejections() {
    }

    static RejectedRequest of(Rejection rejection, byte[] key, byte[] value, String topic, Integer partition,
                              Long offset, long nowMs) {
        return RejectedRequest.newBuilder()
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setReason(rejection.reason().name())
                .setMessage(rejection.message())
                .setTopic(topic)
                .setPartition(partition)
                .setOffset(offset)
                .setRejectedAt(Instant.ofEpochMilli(nowMs))
                .build();
    }

    static RejectedRequest of(Rejection rejection, BufferedRequest r, long nowMs) {
        return of(rejection, r.rawKey(), r.rawValue(), r.topic(), r.partition(), r.offset(), nowMs);
    }
}
