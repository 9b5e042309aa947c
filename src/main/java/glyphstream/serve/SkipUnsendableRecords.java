package glyphstream.serve;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A record that can never be written (too large, unserializable) is logged and skipped; a retriable
 * error is retried; anything else (authorization, a fenced producer) fails the thread, which the
 * uncaught-exception policy then handles.
 */
public final class SkipUnsendableRecords implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SkipUnsendableRecords.class);

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                                     Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandlerResponse.RETRY;
        }
        if (exception instanceof RecordTooLargeException) {
            LOG.error("skipped record too large for {} (key {} bytes, value {} bytes): {}", record.topic(),
                    size(record.key()), size(record.value()), SkipUnreadableRecords.oneLine(exception));
            return ProductionExceptionHandlerResponse.CONTINUE;
        }
        LOG.error("cannot write to {}: {}", record.topic(), SkipUnreadableRecords.oneLine(exception));
        return ProductionExceptionHandlerResponse.FAIL;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
                                                                           ProducerRecord record, Exception exception,
                                                                           SerializationExceptionOrigin origin) {
        LOG.error("skipped record for {} whose {} cannot be serialized: {}", record.topic(), origin,
                SkipUnreadableRecords.oneLine(exception));
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    private static int size(byte[] b) {
        return b == null ? 0 : b.length;
    }
}
