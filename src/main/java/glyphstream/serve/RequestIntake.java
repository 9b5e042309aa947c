package glyphstream.serve;

import glyphstream.wire.DigitRequestDecoder;
import glyphstream.wire.avro.DigitRequest;
import glyphstream.wire.avro.RejectedRequest;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decodes and checks each raw request. Good ones go on to the batcher as a {@link BufferedRequest}
 * (seed chosen here if the request has none); bad ones go to the rejected topic with their original
 * bytes. Nothing a request contains can throw out of here, so one bad record never stops the stream.
 */
final class RequestIntake implements Processor<byte[], byte[], String, Object> {

    private final DigitRequestDecoder decoder = new DigitRequestDecoder();
    private final RequestRules rules;
    private final ModelRegistry models;
    private final String toBatcher;
    private final String toRejected;
    private final SplittableRandom seeds = new SplittableRandom(ThreadLocalRandom.current().nextLong());
    private ProcessorContext<String, Object> context;

    RequestIntake(RequestRules rules, ModelRegistry models, String toBatcher, String toRejected) {
        this.rules = rules;
        this.models = models;
        this.toBatcher = toBatcher;
        this.toRejected = toRejected;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        DigitRequest request;
        try {
            request = decoder.decode(record.key(), record.value());
        } catch (RuntimeException e) {
            // No request id to key by: keep the original key (as text) so the sender can still find its rejection.
            String originalKey = record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
            reject(record, originalKey, new Rejection(undecodableReason(e), String.valueOf(e.getMessage())));
            return;
        }
        Optional<Rejection> broken = rules.check(request, models::knows);
        if (broken.isPresent()) {
            reject(record, request.getRequestId(), broken.get());
            return;
        }
        RecordMetadata source = context.recordMetadata().orElseThrow();
        long seed = request.getSeed() != null ? request.getSeed() : seeds.nextLong();
        BufferedRequest buffered = new BufferedRequest(request.getRequestId(), request.getText(), seed,
                request.getCount(), request.getModelVersion(), context.currentSystemTimeMs(),
                source.topic(), source.partition(), source.offset(), record.key(), record.value());
        context.forward(record.withKey(request.getRequestId()).withValue(buffered), toBatcher);
    }

    // The decoder refuses JSON without requestId and key with its own message; give it its own code.
    private static RejectReason undecodableReason(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("no requestId") ? RejectReason.MISSING_REQUEST_ID : RejectReason.UNDECODABLE;
    }

    private void reject(Record<byte[], byte[]> record, String requestId, Rejection rejection) {
        Optional<RecordMetadata> source = context.recordMetadata();
        RejectedRequest rejected = Rejections.of(rejection, record.key(), record.value(),
                source.map(RecordMetadata::topic).orElse(null),
                source.map(RecordMetadata::partition).orElse(null),
                source.map(RecordMetadata::offset).orElse(null),
                context.currentSystemTimeMs());
        context.forward(record.withKey(requestId).withValue(rejected), toRejected);
    }
}
