package glyphstream.serve;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Requests are read as raw bytes and judged in the topology (bad ones reach the rejected topic), so
 * only a corrupt model announcement can land here: log it with its coordinates and go on serving
 * with the models already loaded.
 */
public final class SkipUnreadableRecords implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SkipUnreadableRecords.class);

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        LOG.error("skipped unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                oneLine(exception));
        return DeserializationHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
