package glyphstream.serve;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Safety net for a bug in our own processors (bad input is routed to the rejected topic in the
 * topology and never throws): log the record's coordinates and go on, so one record cannot stop
 * serving everyone else. Batches are not lost this way: the batcher keeps a request in its store
 * until its images are sent.
 */
public final class LogAndSkipFailedRecord implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LogAndSkipFailedRecord.class);

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.error("processor {} failed on {}-{}@{}, record skipped: {}", context.processorNodeId(), context.topic(),
                context.partition(), context.offset(), SkipUnreadableRecords.oneLine(exception));
        return ProcessingHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
